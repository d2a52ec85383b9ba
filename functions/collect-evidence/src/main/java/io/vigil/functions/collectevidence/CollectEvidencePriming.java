package io.vigil.functions.collectevidence;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunSummary;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.notification.RunCompleted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SnapStart warm-up of the collect-evidence handlers ({@link io.vigil.aws.Priming}): the
 * in-process paths of a first request and one harmless read, so that the snapshot holds their
 * loaded classes, the serializers and a connected DynamoDB client.
 *
 * <p>What it does: parses the event shapes the function receives (a scheduled rule, EventBridge
 * Scheduler, an AWS Config change, CloudTrail write and read-only calls, an SQS unit message) and
 * renders what a run renders (the response, a Run Completed detail, a unit message) from them;
 * and reads the run {@value #PRIMING_RUN} from Vigil's table ({@code GetItem}), which never exists.
 * What it never does: write, send or publish anything; run a check; call STS (no AssumeRole, no
 * GetCallerIdentity) or any service the function collects from; read a secret. The samples' ids and
 * times are fixed: no run id or time is taken here and nothing is kept; the role credentials the
 * read resolves are dropped on restore by {@code AwsClientFactory}'s provider.
 */
final class CollectEvidencePriming {

  /** The run read by the warm-up: no run has this id (run ids are {@code run-<time>-<hash>}). */
  static final String PRIMING_RUN = "PRIMING#";

  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "eu-west-1";
  private static final String TIME = "2026-11-28T06:00:00Z";

  private CollectEvidencePriming() {}

  /** The warm-up of {@link CollectEvidenceHandler}: every event shape it is triggered by. */
  static void eventHandler(RunRepository runs, JsonMapper json) {
    for (var event : List.of(scheduledRule(), schedulerEvent(), configChange(), cloudTrailWrite(),
        cloudTrailRead())) {
      var trigger = CollectionTrigger.parse(event);
      trigger.runId();
      write(json, CollectionResponse.ignored(trigger, "priming"));
    }
    var summary = new RunSummary(PRIMING_RUN, "priming", Instant.parse(TIME),
        Instant.parse(TIME), 1, new EnumMap<>(CheckStatus.class), 0, 0);
    CanonicalJson.write(new RunCompleted(summary, 1, List.of()).detail());
    read(runs);
  }

  /** The warm-up of {@link CollectEvidenceQueueHandler}: an SQS unit message and the answer. */
  static void queueHandler(RunRepository runs, JsonMapper json) {
    Map<String, Object> body;
    try {
      body = json.readValue(unitMessageBody(), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException("the warm-up's unit message is not JSON", e);
    }
    CanonicalJson.write(UnitMessage.toMap(UnitMessage.fromMap(body)));
    write(json, Map.of("batchItemFailures", List.of()));
    read(runs);
  }

  /** One strongly consistent GetItem of a key that never exists, through the function's client. */
  private static void read(RunRepository runs) {
    runs.find(PRIMING_RUN);
  }

  private static void write(JsonMapper json, Object value) {
    try {
      json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("the warm-up could not write " + value + " as JSON", e);
    }
  }

  private static Map<String, Object> envelope(String detailType, String source, Object detail,
      List<String> resources) {
    return Map.of("version", "0", "id", "priming", "detail-type", detailType, "source", source,
        "account", ACCOUNT, "time", TIME, "region", REGION, "resources", resources,
        "detail", detail);
  }

  private static Map<String, Object> scheduledRule() {
    return envelope("Scheduled Event", "aws.events", Map.of(),
        List.of("arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/priming"));
  }

  private static Map<String, Object> schedulerEvent() {
    return envelope("Scheduled Event", "aws.scheduler", "{}",
        List.of("arn:aws:scheduler:" + REGION + ":" + ACCOUNT + ":schedule/vigil/priming"));
  }

  private static Map<String, Object> configChange() {
    var item = Map.<String, Object>of("configurationItemStatus", "OK", "awsAccountId", ACCOUNT,
        "awsRegion", REGION, "resourceType", "AWS::S3::Bucket", "resourceId", "priming",
        "ARN", "arn:aws:s3:::priming");
    return envelope("Configuration Item Change Notification", "aws.config",
        Map.of("messageType", "ConfigurationItemChangeNotification", "configurationItem", item),
        List.of("arn:aws:s3:::priming"));
  }

  private static Map<String, Object> cloudTrailWrite() {
    return envelope("AWS API Call via CloudTrail", "aws.ec2", Map.of(
        "eventSource", "ec2.amazonaws.com", "eventName", "AuthorizeSecurityGroupIngress",
        "awsRegion", REGION, "readOnly", false, "recipientAccountId", ACCOUNT,
        "requestParameters", Map.of("groupId", "sg-00000000000000000")), List.of());
  }

  private static Map<String, Object> cloudTrailRead() {
    return envelope("AWS API Call via CloudTrail", "aws.s3", Map.of(
        "eventSource", "s3.amazonaws.com", "eventName", "GetBucketPolicy", "awsRegion", REGION,
        "readOnly", true, "recipientAccountId", ACCOUNT,
        "requestParameters", Map.of("bucketName", "priming")), List.of());
  }

  private static String unitMessageBody() {
    return "{\"accountId\":\"" + ACCOUNT + "\",\"homeRegion\":true,\"partition\":\"aws\","
        + "\"region\":\"" + REGION + "\",\"runId\":\"" + PRIMING_RUN + "\",\"schemaVersion\":1,"
        + "\"serviceGroup\":\"all\",\"trigger\":\"priming\"}";
  }
}
