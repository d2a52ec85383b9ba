package io.vigil.functions.collectevidence;

import io.micronaut.context.annotation.Value;
import io.vigil.aws.AwsSettings;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The function's configuration, from Micronaut properties or the matching environment variables
 * (Micronaut maps {@code VIGIL_EVIDENCE_BUCKET} to {@code vigil.evidence-bucket}).
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><td>vigil.table-name</td><td>DynamoDB table (default {@code vigil})</td></tr>
 *   <tr><td>vigil.evidence-bucket</td><td>S3 evidence bucket (required)</td></tr>
 *   <tr><td>vigil.regions</td><td>regions to scan: a comma-separated list, or {@code all}
 *       (default: the current region)</td></tr>
 *   <tr><td>vigil.accounts</td><td>member accounts besides the caller's: a comma-separated list,
 *       or {@code organization} (default: none)</td></tr>
 *   <tr><td>vigil.member-role-name, vigil.member-external-id</td><td>role assumed in member
 *       accounts and the ExternalId its trust policy requires</td></tr>
 *   <tr><td>vigil.fan-out-queue-url</td><td>SQS queue for one message per account×region; when
 *       empty, units are collected in-process</td></tr>
 *   <tr><td>vigil.collect.concurrency</td><td>units collected at once in-process (default 4)</td></tr>
 *   <tr><td>vigil.event-bus-name</td><td>EventBridge bus for Finding Opened, Evidence Recovered,
 *       Run Completed (default: none, events are not published)</td></tr>
 *   <tr><td>vigil.aws.*</td><td>endpoint-url, region, access-key-id, secret-access-key</td></tr>
 * </table>
 */
@Singleton
public final class VigilSettings {

  public static final String TABLE_NAME = "vigil.table-name";
  public static final String EVIDENCE_BUCKET = "vigil.evidence-bucket";
  public static final String REGIONS = "vigil.regions";
  public static final String ACCOUNTS = "vigil.accounts";
  public static final String FAN_OUT_QUEUE_URL = "vigil.fan-out-queue-url";
  public static final String CONCURRENCY = "vigil.collect.concurrency";
  public static final String EVENT_BUS_NAME = "vigil.event-bus-name";

  private final String tableName;
  private final String evidenceBucket;
  private final List<String> regions;
  private final List<String> accounts;
  private final Optional<String> fanOutQueueUrl;
  private final int concurrency;
  private final Optional<String> eventBusName;
  private final AwsSettings aws;

  public VigilSettings(
      @Value("${vigil.table-name:vigil}") String tableName,
      @Value("${vigil.evidence-bucket:}") String evidenceBucket,
      @Value("${vigil.regions:}") String regions,
      @Value("${vigil.accounts:}") String accounts,
      @Value("${vigil.fan-out-queue-url:}") String fanOutQueueUrl,
      @Value("${vigil.collect.concurrency:4}") String concurrency,
      @Value("${vigil.event-bus-name:}") String eventBusName,
      @Value("${vigil.member-role-name:}") String memberRoleName,
      @Value("${vigil.member-external-id:}") String memberExternalId,
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
    this.regions = list(regions);
    this.accounts = list(accounts);
    this.fanOutQueueUrl = Optional.of(fanOutQueueUrl.trim()).filter(s -> !s.isEmpty());
    this.eventBusName = Optional.of(eventBusName.trim()).filter(s -> !s.isEmpty());
    try {
      this.concurrency = Integer.parseInt(concurrency.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(CONCURRENCY + " must be a whole number, got '" + concurrency
          + "'");
    }
    if (this.concurrency < 1 || this.concurrency > 64) {
      throw new IllegalStateException(CONCURRENCY + " must be 1..64, got " + this.concurrency);
    }
    var props = new HashMap<String, String>();
    props.put(AwsSettings.ENDPOINT_URL, endpointUrl);
    props.put(AwsSettings.REGION, region);
    props.put(AwsSettings.ACCESS_KEY_ID, accessKeyId);
    props.put(AwsSettings.SECRET_ACCESS_KEY, secretAccessKey);
    props.put(AwsSettings.MEMBER_ROLE_NAME, memberRoleName);
    props.put(AwsSettings.MEMBER_EXTERNAL_ID, memberExternalId);
    this.aws = AwsSettings.fromProperties(props);
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
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

  public List<String> accounts() {
    return accounts;
  }

  public Optional<String> fanOutQueueUrl() {
    return fanOutQueueUrl;
  }

  public int concurrency() {
    return concurrency;
  }

  /** The Vigil event bus; empty: events are not published (local runs). */
  public Optional<String> eventBusName() {
    return eventBusName;
  }

  public AwsSettings aws() {
    return aws;
  }
}
