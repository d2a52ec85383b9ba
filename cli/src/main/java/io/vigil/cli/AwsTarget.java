package io.vigil.cli;

import io.vigil.aws.AwsSettings;
import io.vigil.functions.collectevidence.VigilSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved AWS target: endpoint (empty for real AWS), region (empty for the SDK's region
 * chain), table, bucket, whether to use the emulator's dummy credentials, and further function
 * properties (the scan scope: regions, member accounts, role; see {@link ScopeOptions}).
 */
record AwsTarget(
    Optional<String> endpoint,
    Optional<String> region,
    String table,
    String bucket,
    boolean dummyCredentials,
    Map<String, String> scope) {

  AwsTarget {
    scope = Map.copyOf(scope);
  }

  AwsTarget(Optional<String> endpoint, Optional<String> region, String table, String bucket,
      boolean dummyCredentials) {
    this(endpoint, region, table, bucket, dummyCredentials, Map.of());
  }

  /** This target with the scan scope's function properties. */
  AwsTarget withScope(Map<String, String> properties) {
    var merged = new LinkedHashMap<>(scope);
    merged.putAll(properties);
    return new AwsTarget(endpoint, region, table, bucket, dummyCredentials, merged);
  }

  static final String DUMMY_KEY = "test";

  /** The function's Micronaut properties ({@link VigilSettings} keys) for this target. */
  Map<String, Object> properties() {
    var p = new LinkedHashMap<String, Object>();
    p.put(VigilSettings.TABLE_NAME, table);
    p.put(VigilSettings.EVIDENCE_BUCKET, bucket);
    p.put(AwsSettings.ENDPOINT_URL, endpoint.orElse(""));
    p.put(AwsSettings.REGION, region.orElse(""));
    p.put(AwsSettings.ACCESS_KEY_ID, dummyCredentials ? DUMMY_KEY : "");
    p.put(AwsSettings.SECRET_ACCESS_KEY, dummyCredentials ? DUMMY_KEY : "");
    p.putAll(scope);
    return p;
  }

  /** One line for the progress output, e.g. "http://127.0.0.1:5000 (eu-west-1)". */
  String describe() {
    return endpoint.orElse("AWS") + " (" + region.orElse("default region") + "), table " + table
        + (bucket.isEmpty() ? "" : ", bucket " + bucket);
  }
}
