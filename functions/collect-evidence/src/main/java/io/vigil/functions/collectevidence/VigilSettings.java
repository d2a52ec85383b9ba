package io.vigil.functions.collectevidence;

import io.micronaut.context.annotation.Value;
import io.vigil.aws.AwsSettings;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * The function's configuration, from Micronaut properties or the matching environment variables
 * (Micronaut maps {@code VIGIL_EVIDENCE_BUCKET} to {@code vigil.evidence-bucket}).
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><td>vigil.table-name</td><td>DynamoDB table (default {@code vigil})</td></tr>
 *   <tr><td>vigil.evidence-bucket</td><td>S3 evidence bucket (required)</td></tr>
 *   <tr><td>vigil.regions</td><td>comma-separated regions to scan (default: the current region)</td></tr>
 *   <tr><td>vigil.aws.*</td><td>endpoint-url, region, access-key-id, secret-access-key</td></tr>
 * </table>
 */
@Singleton
public final class VigilSettings {

  public static final String TABLE_NAME = "vigil.table-name";
  public static final String EVIDENCE_BUCKET = "vigil.evidence-bucket";
  public static final String REGIONS = "vigil.regions";

  private final String tableName;
  private final String evidenceBucket;
  private final List<String> regions;
  private final AwsSettings aws;

  public VigilSettings(
      @Value("${vigil.table-name:vigil}") String tableName,
      @Value("${vigil.evidence-bucket:}") String evidenceBucket,
      @Value("${vigil.regions:}") String regions,
      @Value("${vigil.aws.endpoint-url:}") String endpointUrl,
      @Value("${vigil.aws.region:}") String region,
      @Value("${vigil.aws.access-key-id:}") String accessKeyId,
      @Value("${vigil.aws.secret-access-key:}") String secretAccessKey) {
    if (evidenceBucket == null || evidenceBucket.isBlank()) {
      throw new IllegalStateException("no evidence bucket configured: set " + EVIDENCE_BUCKET
          + " (environment variable VIGIL_EVIDENCE_BUCKET)");
    }
    this.tableName = tableName.trim();
    this.evidenceBucket = evidenceBucket.trim();
    this.regions = Arrays.stream(regions.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
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

  public String evidenceBucket() {
    return evidenceBucket;
  }

  public List<String> regions() {
    return regions;
  }

  public AwsSettings aws() {
    return aws;
  }
}
