package io.vigil.functions.collectevidence;

import io.micronaut.context.annotation.Value;
import io.vigil.aws.AwsSettings;
import io.vigil.checks.ServiceGroup;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *       (default: the current region); the ISMS scope record's {@code regions} win when it lists
 *       any (see {@link ScanScope})</td></tr>
 *   <tr><td>vigil.accounts</td><td>member accounts besides the caller's: a comma-separated list,
 *       or {@code organization} (default: none); the ISMS scope record's {@code accounts} win
 *       when it lists any</td></tr>
 *   <tr><td>vigil.member-role-name, vigil.member-external-id</td><td>role assumed in member
 *       accounts and the ExternalId its trust policy requires</td></tr>
 *   <tr><td>vigil.fan-out-queue-url</td><td>SQS queue for one message per account×region (units
 *       of every service group, {@code all}); when neither this nor {@code vigil.fan-out-queues}
 *       is set, units are collected in-process</td></tr>
 *   <tr><td>vigil.fan-out-queues</td><td>one SQS queue per service group, as comma-separated
 *       {@code group=queueUrl} pairs (e.g. {@code network=https://sqs…/vigil-collect-network,
 *       governance=https://sqs…/vigil-collect-governance}): one message per account × region ×
 *       group, to that group's queue</td></tr>
 *   <tr><td>vigil.collect.service-groups</td><td>the service groups this function evaluates,
 *       comma-separated (default: every group whose SDK is in the deployment package)</td></tr>
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
  public static final String FAN_OUT_QUEUES = "vigil.fan-out-queues";
  public static final String SERVICE_GROUPS = ServiceGroup.SETTING;
  public static final String CONCURRENCY = "vigil.collect.concurrency";
  public static final String EVENT_BUS_NAME = "vigil.event-bus-name";

  private final String tableName;
  private final String evidenceBucket;
  private final List<String> regions;
  private final List<String> accounts;
  private final Optional<String> fanOutQueueUrl;
  private final Map<String, String> fanOutQueues;
  private final List<ServiceGroup> serviceGroups;
  private final int concurrency;
  private final Optional<String> eventBusName;
  private final AwsSettings aws;

  public VigilSettings(
      @Value("${vigil.table-name:vigil}") String tableName,
      @Value("${vigil.evidence-bucket:}") String evidenceBucket,
      @Value("${vigil.regions:}") String regions,
      @Value("${vigil.accounts:}") String accounts,
      @Value("${vigil.fan-out-queue-url:}") String fanOutQueueUrl,
      @Value("${vigil.fan-out-queues:}") String fanOutQueues,
      @Value("${vigil.collect.service-groups:}") String serviceGroups,
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
    this.fanOutQueues = queues(fanOutQueues);
    if (this.fanOutQueueUrl.isPresent() && !this.fanOutQueues.isEmpty()) {
      throw new IllegalStateException("set either " + FAN_OUT_QUEUE_URL + " (one queue for units"
          + " of every service group) or " + FAN_OUT_QUEUES + " (one queue per service group),"
          + " not both");
    }
    this.fanOutQueueUrl.ifPresent(url -> requireQueueUrl(FAN_OUT_QUEUE_URL, url));
    this.serviceGroups = groups(serviceGroups);
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

  /** Parses {@code group=queueUrl,...}; the result is ordered as the groups are declared. */
  static Map<String, String> queues(String text) {
    var byGroup = new EnumMap<ServiceGroup, String>(ServiceGroup.class);
    for (var pair : list(text)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalStateException(FAN_OUT_QUEUES + ": '" + pair + "' is not a"
            + " group=queueUrl pair (groups: " + ServiceGroup.ids() + ")");
      }
      var name = pair.substring(0, eq).trim();
      var url = pair.substring(eq + 1).trim();
      if (name.equalsIgnoreCase(ServiceGroup.ALL)) {
        throw new IllegalStateException(FAN_OUT_QUEUES + ": '" + ServiceGroup.ALL + "' is not a"
            + " service group; for one queue of every group set " + FAN_OUT_QUEUE_URL);
      }
      var group = ServiceGroup.byId(name).orElseThrow(() -> new IllegalStateException(
          FAN_OUT_QUEUES + ": unknown service group '" + name + "' (groups: " + ServiceGroup.ids()
              + ")"));
      if (url.isEmpty()) {
        throw new IllegalStateException(FAN_OUT_QUEUES + ": service group '" + group.id()
            + "' has no queue URL (expected " + group.id() + "=https://sqs.<region>.amazonaws.com"
            + "/<account>/<queue>)");
      }
      requireQueueUrl(FAN_OUT_QUEUES + " (" + group.id() + ")", url);
      if (byGroup.put(group, url) != null) {
        throw new IllegalStateException(FAN_OUT_QUEUES + ": service group '" + group.id()
            + "' is given twice");
      }
    }
    var out = new LinkedHashMap<String, String>();
    byGroup.forEach((g, url) -> out.put(g.id(), url));
    return Collections.unmodifiableMap(out);
  }

  private static void requireQueueUrl(String key, String url) {
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalStateException(key + ": '" + url + "' is not a queue URL (expected"
          + " https://sqs.<region>.amazonaws.com/<account>/<queue>)");
    }
  }

  /** Parses the service groups to evaluate; empty: every group whose SDK is present. */
  static List<ServiceGroup> groups(String text) {
    var names = list(text);
    if (names.isEmpty()) {
      return ServiceGroup.present();
    }
    var chosen = EnumSet.noneOf(ServiceGroup.class);
    for (var name : names) {
      var group = ServiceGroup.byId(name).orElseThrow(() -> new IllegalStateException(
          SERVICE_GROUPS + ": unknown service group '" + name + "' (groups: " + ServiceGroup.ids()
              + ")"));
      var missing = group.missingClasses();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(SERVICE_GROUPS + " names '" + group.id() + "', but this"
            + " deployment package lacks its SDK (" + String.join(", ", missing) + "): deploy the"
            + " *-lambda-" + group.id() + ".jar package for it, or leave the setting empty");
      }
      chosen.add(group);
    }
    return List.copyOf(chosen);
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

  /** The single fan-out queue (units of every service group); empty when not configured. */
  public Optional<String> fanOutQueueUrl() {
    return fanOutQueueUrl;
  }

  /** The fan-out queue of each service group, by group id; empty when not configured. */
  public Map<String, String> fanOutQueues() {
    return fanOutQueues;
  }

  /** The service groups this function evaluates, in declaration order. */
  public List<ServiceGroup> serviceGroups() {
    return serviceGroups;
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
