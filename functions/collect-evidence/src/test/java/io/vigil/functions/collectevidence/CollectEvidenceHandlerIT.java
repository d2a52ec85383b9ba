package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * collect-evidence end to end against the emulator: seeded misconfigurations become failing results
 * with evidence and exactly one finding each; a re-delivered event changes nothing; a malformed
 * event writes nothing.
 */
@WithAwsEmulator
class CollectEvidenceHandlerIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String PUBLIC_BUCKET = "it-public-" + SUFFIX;
  private static final String USER = "it-console-user-" + SUFFIX;

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;
  private static String sshGroupId;

  @BeforeAll
  static void seed(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    s3.createBucket(b -> b.bucket(PUBLIC_BUCKET)
        .createBucketConfiguration(c -> c.locationConstraint(aws.region())));
    var iam = clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL);
    iam.createUser(b -> b.userName(USER));
    iam.createLoginProfile(b -> b.userName(USER).password("Initial-Passw0rd!").passwordResetRequired(true));
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, region);
    sshGroupId = ec2.createSecurityGroup(b -> b.groupName("it-ssh-open-" + SUFFIX)
        .description("ssh from anywhere")).groupId();
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(sshGroupId).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  private static CollectEvidenceHandler handler(String table, String bucket) {
    return handler(table, bucket, Map.of());
  }

  private static CollectEvidenceHandler handler(String table, String bucket,
      Map<String, Object> extra) {
    return handler(emulator, table, bucket, extra);
  }

  /** The function on {@code aws}, with its own table and bucket (created), and more settings. */
  static CollectEvidenceHandler handler(AwsEmulator aws, String table, String bucket,
      Map<String, Object> extra) {
    var props = new HashMap<String, Object>(extra);
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", table);
    props.put("vigil.evidence-bucket", bucket);
    var handler = new CollectEvidenceHandler(ApplicationContext.builder().properties(props));
    handler.getApplicationContext().getBean(StorageSetup.class).initialize();
    return handler;
  }

  private static Map<String, Object> event(String time) {
    var e = CollectionTriggerTest.scheduledEvent();
    e.put("time", time);
    return e;
  }

  @Test
  void execute_opensOneFindingPerSeededMisconfiguration_withEvidence() {
    var table = "it-run-" + SUFFIX;
    var bucket = "it-evidence-run-" + SUFFIX;
    try (var handler = handler(table, bucket)) {
      var response = handler.handleRequest(event("2026-11-28T06:00:00Z"), null);

      assertFalse(response.duplicate());
      assertTrue(response.fail() >= 4, "failures: " + response);
      assertEquals(response.fail(), response.findingsOpened(), "one finding per failing subject");
      var open = handler.getApplicationContext().getBean(FindingRepository.class).findOpen();
      var subjects = open.stream().map(f -> f.checkId() + " " + f.resourceArn())
          .collect(Collectors.toCollection(TreeSet::new));
      assertTrue(subjects.contains("s3_bucket_public_access_blocked arn:aws:s3:::" + PUBLIC_BUCKET),
          subjects::toString);
      assertTrue(subjects.stream().anyMatch(s -> s.startsWith("iam_user_console_mfa_enabled ")
          && s.endsWith(":user/" + USER)), subjects::toString);
      assertTrue(subjects.stream().anyMatch(s -> s.startsWith("ec2_securitygroup_admin_ports_restricted ")
          && s.endsWith(sshGroupId)), subjects::toString);
      assertTrue(subjects.stream().anyMatch(s -> s.startsWith("iam_password_policy_strong ")),
          subjects::toString);
      assertTrue(subjects.stream().anyMatch(s -> s.startsWith("cloudtrail_multi_region_trail_enabled ")),
          subjects::toString);
      assertEquals(open.size(), open.stream().map(Finding::subjectKey).distinct().count());
      assertEquals(response.evidenceObjects() + response.targets(), objects(bucket).size(),
          "every evidence object plus one manifest per unit");
      var report = handler.getApplicationContext()
          .getBean(io.vigil.domain.evidence.LedgerVerifier.class).verify();
      assertTrue(report.intact(), report.summary());
      assertEquals(response.targets(), report.entries(), "one ledger entry per unit");
    }
  }

  @Test
  void execute_publishesFindingOpenedAndRunCompleted_onTheVigilBus() {
    var region = Region.of(emulator.region());
    var bus = "it-bus-" + SUFFIX;
    var sqs = clients.client(software.amazon.awssdk.services.sqs.SqsClient.class,
        software.amazon.awssdk.services.sqs.SqsClient::builder, region);
    var queueUrl = sqs.createQueue(r -> r.queueName("it-events-" + SUFFIX)).queueUrl();
    var queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
        "QueueArn")).attributesAsStrings().get("QueueArn");
    var eventBridge = clients.client(software.amazon.awssdk.services.eventbridge.EventBridgeClient.class,
        software.amazon.awssdk.services.eventbridge.EventBridgeClient::builder, region);
    eventBridge.createEventBus(r -> r.name(bus));
    eventBridge.putRule(r -> r.name("all-vigil").eventBusName(bus)
        .eventPattern("{\"source\":[\"vigil\"]}"));
    eventBridge.putTargets(r -> r.rule("all-vigil").eventBusName(bus)
        .targets(t -> t.id("q").arn(queueArn)));
    var props = new HashMap<String, Object>();
    props.put("vigil.event-bus-name", bus);
    try (var handler = handler("it-events-" + SUFFIX, "it-evidence-events-" + SUFFIX, props)) {
      var response = handler.handleRequest(event("2026-11-28T09:00:00Z"), null);

      // receive until every expected event arrived or the queue stays empty (the emulator holds
      // the resources of every test class, so a run may open more than 100 findings)
      var types = new ArrayList<String>();
      for (int empty = 0, i = 0; empty < 3 && i < 200
          && types.size() < response.findingsOpened() + 1; i++) {
        var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
            .waitTimeSeconds(1)).messages();
        empty = messages.isEmpty() ? empty + 1 : 0;
        messages.forEach(m -> {
          var body = m.body();
          types.add(body.contains("\"Run Completed\"") ? "Run Completed"
              : body.contains("\"Finding Opened\"") ? "Finding Opened" : body);
        });
      }
      assertEquals(response.findingsOpened(),
          types.stream().filter("Finding Opened"::equals).count(), types.toString());
      assertEquals(1, types.stream().filter("Run Completed"::equals).count(), types.toString());
    }
  }

  @Test
  void execute_changesNothing_whenTheSameEventIsDeliveredTwice() {
    var table = "it-twice-" + SUFFIX;
    var bucket = "it-evidence-twice-" + SUFFIX;
    try (var handler = handler(table, bucket)) {
      var first = handler.handleRequest(event("2026-11-28T07:00:00Z"), null);
      var itemsAfterFirst = items(table);
      var objectsAfterFirst = objects(bucket);

      var second = handler.handleRequest(event("2026-11-28T07:00:00Z"), null);

      assertTrue(second.duplicate());
      assertEquals(first.runId(), second.runId());
      assertEquals(first.findingsOpened(), second.findingsOpened());
      assertEquals(itemsAfterFirst, items(table), "table unchanged by the re-delivery");
      assertEquals(objectsAfterFirst, objects(bucket), "bucket unchanged by the re-delivery");
    }
  }

  @Test
  void execute_refusesAMalformedEvent_namingTheField_andWritesNothing() {
    var table = "it-bad-" + SUFFIX;
    var bucket = "it-evidence-bad-" + SUFFIX;
    try (var handler = handler(table, bucket)) {
      var bad = event("2026-11-28T08:00:00Z");
      bad.put("time", 1764316800);

      var e = assertThrows(InvalidEventException.class, () -> handler.handleRequest(bad, null));

      assertTrue(e.getMessage().contains("'time'"), e.getMessage());
      assertEquals(List.of(), items(table));
      assertEquals(Set.of(), objects(bucket));
    }
  }

  /** Every item of the table, as comparable strings (a Scan is fine in a test). */
  private static List<String> items(String table) {
    var ddb = clients.client(DynamoDbClient.class, DynamoDbClient::builder, Region.of(emulator.region()));
    var out = new ArrayList<String>();
    ddb.scanPaginator(ScanRequest.builder().tableName(table).build())
        .items().forEach(i -> out.add(new java.util.TreeMap<>(i).toString()));
    out.sort(String::compareTo);
    return out;
  }

  /** Every object of the bucket: key, ETag and version-independent size. */
  private static Set<String> objects(String bucket) {
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        Region.of(emulator.region()));
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map((S3Object o) -> o.key() + " " + o.eTag() + " " + o.size())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
