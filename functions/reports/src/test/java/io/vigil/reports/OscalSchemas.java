package io.vigil.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OSCAL JSON schemas (draft-07) as shipped in liboscal-java 3.0.3 under
 * {@code schema/json/}, with format assertions on (date-time, uri, uri-reference).
 */
final class OscalSchemas {

  static final String ASSESSMENT_RESULTS = "schema/json/oscal-ar_schema.json";
  static final String POAM = "schema/json/oscal-poam_schema.json";

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private OscalSchemas() {}

  static JsonSchema schema(String resource) {
    return SCHEMAS.computeIfAbsent(resource, r -> {
      try (var in = OscalSchemas.class.getClassLoader().getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException(r + " is not on the test classpath (liboscal-java)");
        }
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The document as Jackson reads the JSON text Vigil writes. */
  static JsonNode parse(Map<String, Object> document) {
    try {
      return MAPPER.readTree(Json.write(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> validate(String resource, JsonNode document) {
    return schema(resource).validate(document).stream().map(ValidationMessage::toString)
        .sorted().toList();
  }
}
