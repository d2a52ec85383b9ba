package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.adapters.dynamodb.DynamoDbRegisterRepository;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Lambda shape of collection against the emulator: a schedule fans out one SQS message per
 * account × region, the queue handler collects them (a re-delivered message changes nothing, a bad
 * one is reported as a batch item failure), and a change event re-evaluates one resource.
 */
@WithAwsEmulator
class FanOutAndChangeIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  private static Map<String, Object> props(String name, String queueUrl) {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", "it-" + name + "-" + SUFFIX);
    props.put("vigil.evidence-bucket", "it-evidence-" + name + "-" + SUFFIX);
    props.put("vigil.regions", emulator.region() + ",us-east-1");
    // one unit at a time: moto 5.2.1's TransactWriteItems is not thread-safe (concurrent
    // transactions fail with HTTP 500); units run concurrently against real DynamoDB
    props.put("vigil.collect.concurrency", "1");
    if (queueUrl != null) {
      props.put("vigil.fan-out-queue-url", queueUrl);
    }
    return props;
  }

  @Test
  void schedule_fansOutOneMessagePerRegion_andTheQueueHandlerCollectsThemOnce() {
    var sqs = clients.client(SqsClient.class, SqsClient::builder, Region.of(emulator.region()));
    var queueUrl = sqs.createQueue(r -> r.queueName("it-units-" + SUFFIX)).queueUrl();
    var props = props("fanout", queueUrl);
    try (var trigger = new CollectEvidenceHandler(ApplicationContext.builder().properties(props));
        var worker = new CollectEvidenceQueueHandler(
            ApplicationContext.builder().properties(props))) {
      trigger.getApplicationContext().getBean(StorageSetup.class).initialize();
      var event = CollectionTriggerTest.scheduledEvent();

      var dispatched = trigger.handleRequest(event, null);

      assertEquals(2, dispatched.dispatched(), "one unit per region");
      assertEquals(0, dispatched.pass() + dispatched.fail(), "collected elsewhere");
      var messages = receiveAll(sqs, queueUrl, 2);
      var batch = sqsEvent(messages);

      var response = worker.handleRequest(batch, null);

      assertEquals(List.of(), response.get("batchItemFailures"));
      var results = worker.getApplicationContext().getBean(ResultRepository.class)
          .findByRun(dispatched.runId());
      assertTrue(results.stream().anyMatch(r -> r.region().equals("us-east-1")), "both regions");
      assertTrue(results.stream().anyMatch(r -> r.checkId().value().startsWith("iam_")),
          "global services in the home unit");
      assertEquals(1, results.stream().filter(r -> r.checkId().value().equals("iam_root_mfa_enabled"))
          .count(), "global services only once per account");
      var findings = worker.getApplicationContext().getBean(FindingRepository.class).findOpen();

      var again = worker.handleRequest(batch, null);

      assertEquals(List.of(), again.get("batchItemFailures"));
      assertEquals(findings, worker.getApplicationContext().getBean(FindingRepository.class)
          .findOpen(), "a re-delivered message changes nothing");
      assertEquals(0, receiveAll(sqs, queueUrl, 0).size(), "nothing else was queued");
    }
  }

  @Test
  void schedule_withAQueuePerServiceGroup_sendsOneMessagePerAccountRegionAndGroup() {
    var sqs = clients.client(SqsClient.class, SqsClient::builder, Region.of(emulator.region()));
    var networkQueue = sqs.createQueue(r -> r.queueName("it-network-" + SUFFIX)).queueUrl();
    var governanceQueue = sqs.createQueue(r -> r.queueName("it-governance-" + SUFFIX)).queueUrl();
    var props = props("groups", null);
    props.put("vigil.fan-out-queues", "network=" + networkQueue + ",governance=" + governanceQueue);
    var workerProps = props("groups", null);
    workerProps.put("vigil.collect.service-groups", "network");
    try (var trigger = new CollectEvidenceHandler(ApplicationContext.builder().properties(props));
        var worker = new CollectEvidenceQueueHandler(
            ApplicationContext.builder().properties(workerProps))) {
      trigger.getApplicationContext().getBean(StorageSetup.class).initialize();
      var account = clients.callerAccount();

      // WHEN one scheduled run is dispatched (1 account x 2 regions x 2 groups)
      var dispatched = trigger.handleRequest(CollectionTriggerTest.scheduledEvent(), null);

      // THEN one message per account x region x group, each on its group's queue
      assertEquals(4, dispatched.dispatched());
      assertEquals(4, dispatched.targets(), "the run accounts for every unit");
      var network = receiveAll(sqs, networkQueue, 2);
      var governance = receiveAll(sqs, governanceQueue, 2);
      var run = dispatched.runId();
      assertEquals(List.of(run + "#" + account + "#" + emulator.region() + "#network",
              run + "#" + account + "#us-east-1#network"),
          unitIds(network));
      assertEquals(List.of(run + "#" + account + "#" + emulator.region() + "#governance",
              run + "#" + account + "#us-east-1#governance"),
          unitIds(governance));
      assertEquals(0, receiveAll(sqs, networkQueue, 0).size() + receiveAll(sqs, governanceQueue,
          0).size(), "nothing else was queued");

      // AND a function of the network group collects the network units and refuses the others
      var all = new ArrayList<Message>(network);
      all.addAll(governance);
      var response = worker.handleRequest(sqsEvent(all), null);

      assertEquals(governance.stream().map(m -> Map.of("itemIdentifier", m.messageId())).toList(),
          response.get("batchItemFailures"), "governance units are not this function's");
      var networkChecks = worker.getApplicationContext().getBean(EvidenceCollector.class)
          .catalogue().stream().map(c -> c.id().value()).collect(Collectors.toSet());
      var results = worker.getApplicationContext().getBean(ResultRepository.class)
          .findByRun(run);
      assertFalse(results.isEmpty());
      assertTrue(results.stream().allMatch(r -> networkChecks.contains(r.checkId().value())),
          results.toString());
      assertTrue(networkChecks.stream().allMatch(id -> id.startsWith("ec2_")
          || id.startsWith("rds_") || id.startsWith("lambda_")), networkChecks.toString());
      assertEquals(Set.of(emulator.region(), "us-east-1"), results.stream()
          .map(r -> r.region()).collect(Collectors.toSet()));
    }
  }

  @Test
  void schedule_withAnIsmsScopeRecord_collectsTheRecordsRegionsLessItsExclusions() {
    var sqs = clients.client(SqsClient.class, SqsClient::builder, Region.of(emulator.region()));
    var queueUrl = sqs.createQueue(r -> r.queueName("it-scope-" + SUFFIX)).queueUrl();
    var props = props("scope", queueUrl);
    props.put("vigil.regions", "us-east-1,us-west-2");
    try (var trigger = new CollectEvidenceHandler(ApplicationContext.builder().properties(props))) {
      var context = trigger.getApplicationContext();
      context.getBean(StorageSetup.class).initialize();
      var account = clients.callerAccount();

      // GIVEN no scope record: the settings' regions
      var before = trigger.handleRequest(CollectionTriggerTest.scheduledEvent(), null);

      assertEquals(List.of(before.runId() + "#" + account + "#us-east-1",
          before.runId() + "#" + account + "#us-west-2"), sortedUnitIds(receiveAll(sqs, queueUrl,
              2)));

      // WHEN the ISMS scope names two regions and excludes one of them
      var registers = new DynamoDbRegisterRepository(
          context.getBean(DynamoDbEnhancedClient.class),
          context.getBean(VigilSettings.class).tableName());
      var fields = RegisterKind.SCOPE.schema().normalise(Map.of(
          "description", "the platform",
          "regions", List.of("eu-west-1", "eu-central-1"),
          "exclusions", List.of(Map.of("item", "eu-central-1",
              "justification", "disaster recovery copies only"))));
      var now = Instant.parse("2026-11-28T05:00:00Z");
      registers.create(new RegisterRecord(RegisterKind.SCOPE, "isms", fields, Map.of(), now,
          "isms@acme.example", now, "isms@acme.example", 1), new RegisterEvent(now,
          "isms@acme.example", RegisterEvent.Kind.CREATED, List.copyOf(fields.keySet()), null,
          1));
      var event = CollectionTriggerTest.scheduledEvent();
      event.put("time", "2026-11-29T06:00:00Z");
      var after = trigger.handleRequest(event, null);

      // THEN the next scheduled run (same function instance) covers the record's scope only
      assertEquals(1, after.dispatched(), after.toString());
      assertEquals(1, after.targets());
      assertEquals(List.of(after.runId() + "#" + account + "#eu-west-1"),
          sortedUnitIds(receiveAll(sqs, queueUrl, 1)));
      assertEquals(0, receiveAll(sqs, queueUrl, 0).size(), "nothing else was queued");
    }
  }

  private static List<String> sortedUnitIds(List<Message> messages) {
    return messages.stream().map(m -> UnitMessage.fromMap(json(m.body())).unitId()).sorted()
        .toList();
  }

  /** The unit ids of queued messages, the home region's first. */
  private static List<String> unitIds(List<Message> messages) {
    return messages.stream()
        .map(m -> UnitMessage.fromMap(json(m.body())).unitId())
        .sorted(Comparator.comparing((String id) -> !id.contains(emulator.region())))
        .toList();
  }

  private static Map<String, Object> json(String body) {
    try {
      return JsonMapper.createDefault().readValue(body, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new IllegalStateException("message body is not JSON: " + body, e);
    }
  }

  @Test
  void queueHandler_reportsOnlyTheBadMessageAsABatchItemFailure() {
    var props = props("bad", null);
    try (var worker = new CollectEvidenceQueueHandler(ApplicationContext.builder().properties(props))) {
      var event = ChangeTriggerTest.sample("sqs-unit.json");
      @SuppressWarnings("unchecked")
      var records = new ArrayList<>((List<Map<String, Object>>) event.get("Records"));
      var bad = new HashMap<>(records.get(0));
      bad.put("messageId", "bad-1");
      bad.put("body", "{\"schemaVersion\":1,\"runId\":\"r\"}");
      records.add(bad);
      var storage = new CollectEvidenceHandler(ApplicationContext.builder().properties(props));
      storage.getApplicationContext().getBean(StorageSetup.class).initialize();
      storage.close();

      var response = worker.handleRequest(Map.of("Records", records), null);

      assertEquals(List.of(Map.of("itemIdentifier", "bad-1")), response.get("batchItemFailures"));
    }
  }

  @Test
  void unreachableMemberAccount_yieldsErrorsNamingWhy_andTheRestCompletes() {
    var props = props("unreachable", null);
    props.put("vigil.regions", emulator.region());
    props.put("vigil.accounts", "222222222222");
    // no vigil.member-role-name: the member account cannot be entered
    try (var handler = new CollectEvidenceHandler(ApplicationContext.builder().properties(props))) {
      handler.getApplicationContext().getBean(StorageSetup.class).initialize();

      var collected = handler.collect(CollectionTriggerTest.scheduledEvent(),
          io.vigil.domain.collection.ProgressListener.SILENT);

      var results = collected.outcome().results();
      var member = results.stream().filter(r -> r.accountId().equals("222222222222")).toList();
      assertFalse(member.isEmpty(), "the member account is reported, not skipped");
      assertTrue(member.stream().allMatch(r -> r.status()
          == io.vigil.domain.check.CheckStatus.ERROR), member.toString());
      assertTrue(member.get(0).reason().contains("vigil.member-role-name"), member.get(0).reason());
      var own = results.stream().filter(r -> !r.accountId().equals("222222222222")).toList();
      assertTrue(own.stream().anyMatch(r -> r.status() == io.vigil.domain.check.CheckStatus.PASS
          || r.status() == io.vigil.domain.check.CheckStatus.FAIL), "the caller's account completed");
      assertEquals(2, collected.response().targets());
      assertEquals(0, collected.response().findingsOpened() - own.stream()
          .filter(r -> r.status() == io.vigil.domain.check.CheckStatus.FAIL).count(),
          "errors open no findings");
    }
  }

  @Test
  void configChange_reevaluatesOnlyTheChangedBucket() {
    var bucket = "it-changed-" + SUFFIX;
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        Region.of(emulator.region()));
    s3.createBucket(b -> b.bucket(bucket)
        .createBucketConfiguration(c -> c.locationConstraint(emulator.region())));
    var event = ChangeTriggerTest.sample("config-change-s3-bucket.json");
    @SuppressWarnings("unchecked")
    var item = (Map<String, Object>) ((Map<String, Object>) event.get("detail"))
        .get("configurationItem");
    item.put("ARN", "arn:aws:s3:::" + bucket);
    item.put("resourceId", bucket);
    item.put("awsRegion", emulator.region());
    try (var handler = new CollectEvidenceHandler(ApplicationContext.builder()
        .properties(props("change", null)))) {
      handler.getApplicationContext().getBean(StorageSetup.class).initialize();

      var collected = handler.collect(event, io.vigil.domain.collection.ProgressListener.SILENT);

      var results = collected.outcome().results();
      assertFalse(results.isEmpty());
      assertTrue(results.stream().allMatch(r -> r.resourceArn().equals("arn:aws:s3:::" + bucket)),
          results.toString());
      assertTrue(results.stream().allMatch(r -> r.checkId().value().startsWith("s3_bucket_")));
      assertEquals(1, collected.response().targets());
    }
  }

  private static List<Message> receiveAll(SqsClient sqs, String queueUrl, int expected) {
    var out = new ArrayList<Message>();
    for (int i = 0; i < 5 && (out.size() < expected || i == 0); i++) {
      out.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(expected == 0 ? 0 : 1)).messages());
    }
    return out;
  }

  private static Map<String, Object> sqsEvent(List<Message> messages) {
    var records = new ArrayList<Map<String, Object>>();
    for (var m : messages) {
      records.add(Map.of("messageId", m.messageId(), "body", m.body(), "eventSource", "aws:sqs"));
    }
    return Map.of("Records", records);
  }
}
