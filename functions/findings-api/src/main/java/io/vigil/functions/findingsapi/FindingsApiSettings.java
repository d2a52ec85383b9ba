package io.vigil.functions.findingsapi;

import io.micronaut.context.annotation.Value;
import io.vigil.aws.AwsSettings;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Optional;

/**
 * The function's configuration, from Micronaut properties or the matching environment variables
 * ({@code VIGIL_TABLE_NAME} is {@code vigil.table-name}).
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><td>vigil.table-name</td><td>DynamoDB table (default {@code vigil})</td></tr>
 *   <tr><td>vigil.event-bus-name</td><td>EventBridge bus for the daily sweep's
 *       {@code Action Overdue}, {@code Policy Review Due} and {@code Evidence Task Due} events
 *       (default {@code vigil})</td></tr>
 *   <tr><td>vigil.evidence-bucket</td><td>S3 evidence bucket where completed audits' reports,
 *       manual evidence files and approved SoA versions are stored (content-addressed); unset:
 *       reports are rendered on demand only and an audit's {@code reportSha256} stays empty,
 *       evidence tasks take references only, SoA versions are kept in the table only</td></tr>
 *   <tr><td>vigil.aws.*</td><td>endpoint-url, region, access-key-id, secret-access-key</td></tr>
 * </table>
 */
@Singleton
public final class FindingsApiSettings {

  public static final String TABLE_NAME = "vigil.table-name";
  public static final String EVENT_BUS_NAME = "vigil.event-bus-name";
  public static final String EVIDENCE_BUCKET = "vigil.evidence-bucket";

  private final String tableName;
  private final String eventBusName;
  private final Optional<String> evidenceBucket;
  private final AwsSettings aws;

  public FindingsApiSettings(
      @Value("${vigil.table-name:vigil}") String tableName,
      @Value("${vigil.event-bus-name:vigil}") String eventBusName,
      @Value("${vigil.evidence-bucket:}") String evidenceBucket,
      @Value("${vigil.aws.endpoint-url:}") String endpointUrl,
      @Value("${vigil.aws.region:}") String region,
      @Value("${vigil.aws.access-key-id:}") String accessKeyId,
      @Value("${vigil.aws.secret-access-key:}") String secretAccessKey) {
    if (tableName == null || tableName.isBlank()) {
      throw new IllegalStateException(TABLE_NAME + " must not be empty");
    }
    if (eventBusName == null || eventBusName.isBlank()) {
      throw new IllegalStateException(EVENT_BUS_NAME + " must not be empty");
    }
    this.tableName = tableName.trim();
    this.eventBusName = eventBusName.trim();
    this.evidenceBucket = Optional.ofNullable(evidenceBucket).map(String::trim)
        .filter(b -> !b.isEmpty());
    var props = new HashMap<String, String>();
    props.put(AwsSettings.ENDPOINT_URL, endpointUrl);
    props.put(AwsSettings.REGION, region);
    props.put(AwsSettings.ACCESS_KEY_ID, accessKeyId);
    props.put(AwsSettings.SECRET_ACCESS_KEY, secretAccessKey);
    this.aws = AwsSettings.fromProperties(props);
  }

  public String tableName() {
    return tableName;
  }

  public String eventBusName() {
    return eventBusName;
  }

  /** Where audit reports, evidence files and SoA versions are stored; empty: not stored. */
  public Optional<String> evidenceBucket() {
    return evidenceBucket;
  }

  public AwsSettings aws() {
    return aws;
  }
}
