package io.vigil.bench.coldstart;

import io.vigil.adapters.VigilStorage;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One function's cold start: its deployment package, handler, baseline, sample event and the
 * state moto must hold ({@link #prepare} once, {@link #storage} before each run), which answer the
 * function's environment — the variables the infrastructure sets ({@code FunctionsStack}), with
 * moto's endpoint through {@code AWS_ENDPOINT_URL} as the only emulator-specific one.
 *
 * @param name result key, e.g. {@code findings-api}
 * @param module function module under {@code functions/}
 * @param jarSuffix suffix of the shaded jar in the module's {@code target/}
 * @param handler the function's handler class (the Lambda handler string)
 * @param baseline the plain-Java baseline's class
 * @param event the sample event, relative to the repository
 * @param path what the first response does, in words (for the report)
 * @param steadyState false: every run gets a new empty table and bucket, so every run is the
 *     first run into an empty store; true: one table, brought to its steady state by one untimed
 *     run, then every run is the typical repeated invocation (same records, nothing to change)
 */
record Scenario(String name, String module, String jarSuffix, String handler, String baseline,
    String event, String path, boolean steadyState) {

  static final String REGION = "eu-west-1";
  static final String ACCOUNT = "123456789012";
  static final String TABLE = "vigil";
  static final String BUCKET = "vigil-evidence";
  static final String BUS = "vigil";
  static final String SLACK_SECRET = "vigil/slack";

  private static final String BASELINE = "io.vigil.bench.coldstart.baseline.";

  /** Every scenario, in report order. */
  static List<Scenario> all() {
    return List.of(
        new Scenario("collect-evidence", "collect-evidence", "-lambda-network.jar",
            "io.vigil.functions.collectevidence.CollectEvidenceHandler",
            BASELINE + "CollectEvidenceBaseline", "events/collect-evidence/scheduled-run.json",
            "scheduled run: scope (STS, ISMS scope record), run item, 4 units (1 account x 2"
                + " regions x 2 service groups) sent to the two group queues", false),
        new Scenario("collect-evidence-queue", "collect-evidence", "-lambda-network.jar",
            "io.vigil.functions.collectevidence.CollectEvidenceQueueHandler",
            BASELINE + "CollectEvidenceQueueBaseline", "events/collect-evidence/sqs-unit.json",
            "one SQS unit (account x eu-west-1) collected with the network catalogue: EC2, RDS"
                + " and Lambda reads of moto's default estate, results, evidence, findings",
            false),
        new Scenario("findings-api", "findings-api", "-lambda.jar",
            "io.vigil.functions.findingsapi.FindingsApiHandler",
            BASELINE + "FindingsApiBaseline", "events/findings-api/list-open-findings.json",
            "GET /findings?status=OPEN&limit=25 (JWT claims of a viewer): one Query", false),
        new Scenario("notify", "notify", "-lambda.jar",
            "io.vigil.functions.notify.NotifyHandler", BASELINE + "NotifyBaseline",
            "events/notify/finding-opened.json",
            "Finding Opened: claim in the delivery log, webhook URL from Secrets Manager, Slack"
                + " POST to a local stub, delivery recorded", false),
        new Scenario("schedule-audits", "schedule-audits", "-lambda.jar",
            "io.vigil.functions.scheduleaudits.ScheduleAuditsHandler",
            BASELINE + "ScheduleAuditsBaseline", "bench/coldstart/events/schedule-audits-daily.json",
            "the daily planning run of the sample programme (events/schedule-audits/programme.json)"
                + " on a day when the plan and its reminders are already stored (steady state:"
                + " reads the programme's records and reminders, changes nothing)", true),
        new Scenario("summarize-performance", "summarize-performance", "-lambda.jar",
            "io.vigil.functions.summarizeperformance.SummarizePerformanceHandler",
            BASELINE + "SummarizePerformanceBaseline",
            "events/summarize-performance/weekly-summary.json",
            "weekly summary of 2026-W49 over an empty table: measures, HTML/PDF/Markdown"
                + " documents and manifest to S3, presigned link, Summary Ready event", false));
  }

  /** The shaded jar's path in a checkout; may not exist. */
  Path jar(Path repo) {
    var target = repo.resolve("functions").resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().endsWith(jarSuffix)
              && p.getFileName().toString().startsWith("vigil-" + module + "-"))
          .findFirst().orElse(target.resolve("vigil-" + module + "-*" + jarSuffix));
    } catch (IOException e) {
      return target.resolve("vigil-" + module + "-*" + jarSuffix);
    }
  }

  /**
   * Once per scenario: resets moto and creates the account-level resources the function uses
   * (event bus, queues, secret; for a steady-state scenario also its table); answers the
   * function's environment variables besides the AWS ones the harness sets for every run.
   */
  Map<String, String> prepare(String endpoint, Path repo, String slackUrl) {
    MotoServer.reset(endpoint);
    var env = new LinkedHashMap<String, String>();
    try (var clients = new AwsClientFactory(AwsSettings.emulator(endpoint, REGION))) {
      var region = Region.of(REGION);
      var sqs = clients.client(SqsClient.class, SqsClient::builder, region);
      var events = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
      switch (module) {
        case "collect-evidence" -> {
          events.createEventBus(r -> r.name(BUS));
          var network = sqs.createQueue(r -> r.queueName("vigil-units-network")).queueUrl();
          var governance = sqs.createQueue(r -> r.queueName("vigil-units-governance"))
              .queueUrl();
          env.put("VIGIL_EVENT_BUS_NAME", BUS);
          env.put("VIGIL_REGIONS", REGION + ",us-east-1");
          env.put("VIGIL_ACCOUNTS", "");
          env.put("VIGIL_FAN_OUT_QUEUES", "network=" + network + ",governance=" + governance);
        }
        case "findings-api" -> {
          events.createEventBus(r -> r.name(BUS));
          env.put("VIGIL_EVENT_BUS_NAME", BUS);
        }
        case "notify" -> {
          var secrets = clients.client(SecretsManagerClient.class, SecretsManagerClient::builder,
              region);
          secrets.createSecret(r -> r.name(SLACK_SECRET).secretString(slackUrl));
          var dlq = sqs.createQueue(r -> r.queueName("vigil-notify-dead-letters")).queueUrl();
          env.put("VIGIL_NOTIFY_DEAD_LETTER_QUEUE_URL", dlq);
          env.put("VIGIL_NOTIFY_SLACK_WEBHOOK_SECRET", SLACK_SECRET);
        }
        case "schedule-audits" -> {
          var bus = events.createEventBus(r -> r.name(BUS)).eventBusArn();
          var dlq = sqs.createQueue(r -> r.queueName("vigil-scheduler-dlq")).queueUrl();
          var dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq)
              .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
              .get(QueueAttributeName.QUEUE_ARN);
          env.put("VIGIL_AUDITS_CONFIG", compactJson(read(repo.resolve(
              "events/schedule-audits/programme.json"))));
          env.put("VIGIL_AUDITS_SCHEDULE_GROUP", "vigil-audits");
          env.put("VIGIL_AUDITS_REMINDER_TARGET_ARN", bus);
          env.put("VIGIL_AUDITS_REMINDER_ROLE_ARN",
              "arn:aws:iam::" + ACCOUNT + ":role/vigil-audit-reminders");
          env.put("VIGIL_AUDITS_REMINDER_DEAD_LETTER_ARN", dlqArn);
          env.put("VIGIL_AUDITS_TIMEZONE", "Europe/Berlin");
        }
        case "summarize-performance" -> {
          events.createEventBus(r -> r.name(BUS));
          env.put("VIGIL_EVENT_BUS_NAME", BUS);
          env.put("VIGIL_REPORTS_REVIEW_PERIOD", "quarter");
          env.put("VIGIL_REPORTS_LINK_DAYS", "7");
          env.put("VIGIL_REPORTS_TIMEZONE", "Europe/Berlin");
        }
        default -> throw new IllegalStateException("no fixture for " + module);
      }
    }
    if (steadyState) {
      env.putAll(storage(endpoint, 0));
    }
    return env;
  }

  /**
   * Before each run of a scenario that is not steady-state: a new, empty table (with Vigil's
   * indexes) and evidence bucket, so every run starts from the same empty store without a moto
   * reset (a reset would make each run pay moto's lazy set-up of every service again).
   */
  Map<String, String> storage(String endpoint, int run) {
    var table = TABLE + "-" + run;
    var bucket = BUCKET + "-" + run;
    try (var clients = new AwsClientFactory(AwsSettings.emulator(endpoint, REGION))) {
      var region = Region.of(REGION);
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
      var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
          region);
      new VigilStorage(dynamo, s3, table, bucket).initialize();
    }
    var env = new LinkedHashMap<String, String>();
    env.put("VIGIL_TABLE_NAME", table);
    if (!module.equals("notify") && !module.equals("schedule-audits")) {
      env.put("VIGIL_EVIDENCE_BUCKET", bucket);
    }
    return env;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JSON without white space between tokens (a Lambda environment variable holds the programme,
   * as the infrastructure sets it); text inside strings is kept.
   */
  static String compactJson(String json) {
    var out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
