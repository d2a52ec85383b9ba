package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.finding.Treatment;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.Concurrently;
import io.vigil.emulator.junit.FakeLambdaContext;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * summarize-performance end to end against the emulator: the measures are stored, the three
 * documents are stored under their SHA-256, the manifest in the vault names exactly them, the
 * presigned link serves the HTML, {@code Summary Ready} reaches a queue through a rule on the bus,
 * and a second delivery writes and publishes nothing; two concurrent copies leave what one leaves;
 * a claim left by a crashed invocation holds only until its deadline; a bad event writes nothing.
 */
@WithAwsEmulator
class SummarizePerformanceHandlerIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String ACCOUNT = "123456789012";
  private static final Instant RAISED = Instant.parse("2026-08-01T09:00:00Z");
  private static final Instant CLOSED = Instant.parse("2026-08-15T09:00:00Z");

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;
  private static DynamoDbClient dynamo;
  private static DynamoDbEnhancedClient enhanced;
  private static S3Client s3;
  private static SqsClient sqs;
  private static EventBridgeClient eventBridge;

  @BeforeAll
  static void connect(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    eventBridge = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  /** A table and a bucket with a small organisation's records. */
  private static void seed(String table, String bucket) {
    new VigilTable(table).createIfAbsent(dynamo);
    new EvidenceBucket(s3, bucket).createIfAbsent();
    var observed = Instant.parse("2026-11-27T06:00:00Z");
    var results = new ArrayList<CheckResult>();
    results.add(result("s3_bucket_public_access_blocked", CheckStatus.FAIL, "arn:aws:s3:::open",
        observed));
    results.add(result("s3_bucket_public_access_blocked", CheckStatus.PASS, "arn:aws:s3:::closed",
        observed));
    results.add(result("s3_bucket_default_encryption_enabled", CheckStatus.PASS,
        "arn:aws:s3:::closed", observed));
    results.add(result("iam_user_console_mfa_enabled", CheckStatus.PASS,
        "arn:aws:iam::" + ACCOUNT + ":user/alice", observed));
    new DynamoDbResultRepository(enhanced, table).saveAll(results);

    var findings = new DynamoDbFindingRepository(enhanced, table, Clock.system());
    var open = finding("F-open-" + SUFFIX, FindingType.MAJOR_NONCONFORMITY,
        Instant.parse("2026-09-01T09:00:00Z"));
    findings.create(open, new HistoryEntry(open.raisedAt(), "auditor@acme.example",
        HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, List.of(), null, 0));
    findings.addAction(new CorrectiveAction("A-late-" + SUFFIX, open.id(), "Block public access",
            "owner@acme.example", LocalDate.parse("2026-10-01"), ActionStatus.PLANNED, null, null,
            null, 0),
        new HistoryEntry(open.raisedAt(), "owner@acme.example", HistoryEntry.Kind.ACTION_ADDED,
            FindingStatus.OPEN, FindingStatus.OPEN, List.of(), "A-late-" + SUFFIX, 0));
    var done = finding("F-done-" + SUFFIX, FindingType.MINOR_NONCONFORMITY, RAISED);
    findings.create(done, new HistoryEntry(RAISED, "auditor@acme.example",
        HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, List.of(), null, 0));
    findings.update(done.withStatus(FindingStatus.CLOSED), new HistoryEntry(CLOSED,
        "auditor@acme.example", HistoryEntry.Kind.TRANSITION, FindingStatus.EFFECTIVE,
        FindingStatus.CLOSED, List.of("status"), null, 1));
  }

  private static CheckResult result(String check, CheckStatus status, String arn, Instant at) {
    return new CheckResult("run-" + SUFFIX, CheckId.of(check), status, ACCOUNT, "eu-west-1", arn,
        "AWS::S3::Bucket", List.of(ControlId.parse("A.8.3")), Severity.HIGH, at,
        Sha256.of(check + arn), status == CheckStatus.PASS ? "ok" : "public <script>x</script>");
  }

  private static Finding finding(String id, FindingType type, Instant raisedAt) {
    return new Finding(FindingId.of(id), type, FindingSource.INTERNAL_AUDIT, FindingStatus.OPEN,
        "Access reviews missing <b>", "None recorded", Severity.MEDIUM,
        List.of(ControlId.parse("A.5.18")), List.of(), null, null, null, null, raisedAt,
        LocalDate.parse("2026-12-31"), "owner@acme.example", null, null, null, null, null,
        Treatment.none(), 0);
  }

  /** The function's configuration on the emulator, table and bucket, plus {@code extra}. */
  static Map<String, Object> properties(AwsEmulator emulator, String table, String bucket,
      Map<String, Object> extra) {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", table);
    props.put("vigil.evidence-bucket", bucket);
    props.put("vigil.event-bus-name", "it-bus-unused-" + SUFFIX);
    props.putAll(extra);
    return props;
  }

  private static SummarizePerformanceHandler handler(String table, String bucket,
      Map<String, Object> extra) {
    return new SummarizePerformanceHandler(ApplicationContext.builder()
        .properties(properties(emulator, table, bucket, extra)));
  }

  private static Map<String, Object> event(String time, Map<String, Object> detail) {
    var e = new LinkedHashMap<String, Object>();
    e.put("version", "0");
    e.put("id", UUID.randomUUID().toString());
    e.put("detail-type", "Scheduled Event");
    e.put("source", "aws.scheduler");
    e.put("time", time);
    e.put("detail", detail);
    return e;
  }

  private static Map<String, String> objects(String bucket) {
    var out = new TreeMap<String, String>();
    s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
        .forEach(o -> out.put(o.key(), o.eTag()));
    return out;
  }

  private static Set<String> items(String table) {
    return dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
        .map(i -> i.get("PK").s() + "|" + i.get("SK").s() + "|" + i.hashCode())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static byte[] object(String bucket, String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
  }

  /** A queue receiving every Summary Ready event of {@code bus}. */
  private static String queueOn(String bus) {
    var queueUrl = sqs.createQueue(r -> r.queueName(bus + "-summaries")).queueUrl();
    var queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
        "QueueArn")).attributesAsStrings().get("QueueArn");
    eventBridge.createEventBus(r -> r.name(bus));
    eventBridge.putRule(r -> r.name("summaries").eventBusName(bus)
        .eventPattern("{\"source\":[\"vigil\"],\"detail-type\":[\"Summary Ready\"]}"));
    eventBridge.putTargets(r -> r.rule("summaries").eventBusName(bus)
        .targets(t -> t.id("q").arn(queueArn)));
    return queueUrl;
  }

  private static List<String> receive(String queueUrl, int expected) {
    var bodies = new ArrayList<String>();
    for (int i = 0; i < 5 && bodies.size() < expected + 1; i++) {
      sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages().forEach(m -> {
            bodies.add(m.body());
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
          });
    }
    return bodies;
  }

  @Test
  @SuppressWarnings("unchecked")
  void managementReview_storesDocumentsAndManifest_publishesOnce_andIsIdempotent()
      throws Exception {
    var table = "it-review-" + SUFFIX;
    var bucket = "it-review-" + SUFFIX;
    seed(table, bucket);
    var bus = "it-bus-" + SUFFIX;
    var queueUrl = queueOn(bus);
    var event = event("2026-11-23T06:00:00Z", Map.of("kind", "management-review",
        "period", "2026-Q3"));
    try (var handler = handler(table, bucket, Map.of("vigil.event-bus-name", bus))) {
      var response = handler.handleRequest(event, null);

      assertEquals("management-review-2026-Q3", response.get("summaryId"));
      assertEquals(false, response.get("duplicate"));
      // the measures of the period are stored, for trends
      var stored = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
          "PK", AttributeValue.fromS("MEASURE#mean-time-to-close"),
          "SK", AttributeValue.fromS("QUARTER#2026-Q3")))).item();
      assertEquals(14.0, Double.parseDouble(stored.get("value").n()), 1e-9,
          "raised 1 Aug, closed 15 Aug");

      // three documents, each under the SHA-256 of its bytes, with its content type
      var files = (List<Map<String, Object>>) response.get("files");
      assertEquals(List.of("html", "pdf", "md"), files.stream().map(f -> f.get("format"))
          .toList());
      for (var f : files) {
        var key = (String) f.get("key");
        var bytes = object(bucket, key);
        var sha = Sha256.of(bytes).hex();
        assertEquals("reports/management-review/2026-Q3/" + sha + "." + f.get("format"), key);
        assertEquals(sha, f.get("sha256"));
        assertEquals((long) bytes.length, ((Number) f.get("size")).longValue());
        assertEquals(f.get("contentType"), s3.headObject(r -> r.bucket(bucket).key(key))
            .contentType());
      }
      var html = new String(object(bucket, (String) files.get(0).get("key")),
          StandardCharsets.UTF_8);
      assertTrue(html.contains("Management review 2026-Q3"), html);
      assertFalse(html.contains("<b>") || html.contains("<script>x"),
          "collected and recorded text is escaped");
      assertEquals("%PDF", new String(object(bucket, (String) files.get(1).get("key")), 0, 4,
          StandardCharsets.US_ASCII));
      var md = new String(object(bucket, (String) files.get(2).get("key")),
          StandardCharsets.UTF_8);
      assertTrue(md.contains("Management review") && md.contains("Decisions of the review"),
          md);

      // the manifest in the evidence vault names exactly these files with matching hashes
      var manifestSha = new Sha256((String) response.get("manifestSha256"));
      var manifestBytes = new S3EvidenceVault(s3, bucket).get(manifestSha).orElseThrow();
      // the manifest is chained into the evidence ledger, which verifies
      var ledger = new io.vigil.adapters.dynamodb.DynamoDbLedgerRepository(enhanced, table);
      var unit = "document#performance-report#management-review-" + response.get("period")
          + "-" + manifestSha.hex().substring(0, 12);
      assertEquals(unit, ledger.findByUnit(unit).orElseThrow().unitId());
      var verified = new io.vigil.domain.evidence.LedgerVerifier(ledger,
          new S3EvidenceVault(s3, bucket)).verify();
      assertTrue(verified.intact(), verified.summary());
      var manifest = (Map<String, Object>) JsonReader.read(manifestBytes);
      assertEquals("vigil.report-manifest", manifest.get("kind"));
      assertEquals("management-review", manifest.get("reportKind"));
      assertEquals("2026-Q3", manifest.get("period"));
      assertEquals(response.get("generatedAt"), manifest.get("generatedAt"));
      var listed = (List<Map<String, Object>>) manifest.get("files");
      assertEquals(files.stream().map(f -> f.get("key") + " " + f.get("sha256") + " "
              + f.get("size")).toList(),
          listed.stream().map(f -> f.get("key") + " " + f.get("sha256") + " " + f.get("size"))
              .toList());
      assertEquals(response.get("highlights"), manifest.get("highlights"));

      // the presigned link serves the HTML
      var url = (String) response.get("url");
      var fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, fetched.statusCode(), url);
      assertArrayEquals(object(bucket, (String) files.get(0).get("key")), fetched.body());
      assertTrue(url.contains("X-Amz-Expires=604800"), url);

      // one Summary Ready with the response's figures
      var messages = receive(queueUrl, 1);
      assertEquals(1, messages.size(), messages.toString());
      var envelope = (Map<String, Object>) JsonReader.read(messages.get(0)
          .getBytes(StandardCharsets.UTF_8));
      var detail = (Map<String, Object>) envelope.get("detail");
      assertEquals("Summary Ready", envelope.get("detail-type"));
      assertEquals("management-review-2026-Q3", detail.get("summaryId"));
      assertEquals("management-review", detail.get("kind"));
      assertEquals(url, detail.get("url"));
      assertEquals(response.get("manifestSha256"), detail.get("manifestSha256"));
      assertEquals(3L, detail.get("controlsFailing"),
          "the failing check's controls A.8.3, A.5.15 and A.8.12");
      assertEquals(response.get("controlsPassing"),
          ((Number) detail.get("controlsPassing")).intValue());
      assertEquals(1L, detail.get("findingsOpen"));
      assertEquals(1L, detail.get("actionsOverdue"));

      // a second delivery: the stored result, nothing written, nothing published
      var objectsBefore = objects(bucket);
      var itemsBefore = items(table);
      var again = handler.handleRequest(event, null);
      assertEquals(true, again.get("duplicate"));
      assertEquals(response.get("manifestSha256"), again.get("manifestSha256"));
      assertEquals(response.get("url"), again.get("url"));
      assertEquals(objectsBefore, objects(bucket));
      assertEquals(itemsBefore, items(table));
      assertEquals(List.of(), receive(queueUrl, 0));
    }
  }

  /**
   * Two copies of the same event at once, in two handler instances (two Lambda execution
   * environments) released together by a latch: one produces the pack; the other answers the
   * stored result, or fails because the (kind, period) is being produced right now, and then
   * answers the stored result when Lambda retries it. Afterwards the table and the bucket hold
   * what one delivery leaves on a twin table and bucket (same items and objects, digests and
   * times aside): one set of documents, one manifest, one ledger entry with the chain intact, and
   * exactly one Summary Ready went through the bus rule.
   */
  @Test
  void twoConcurrentCopies_leaveWhatOneDeliveryLeaves() throws Exception {
    var event = event("2026-11-23T06:00:00Z", Map.of("kind", "management-review",
        "period", "2026-Q3"));
    var once = "it-once-" + SUFFIX;
    seed(once, once);
    var onceBus = "it-bus-once-" + SUFFIX;
    eventBridge.createEventBus(r -> r.name(onceBus));
    try (var handler = handler(once, once, Map.of("vigil.event-bus-name", onceBus))) {
      assertEquals(false, handler.handleRequest(event, null).get("duplicate"));
    }

    var table = "it-concurrent-" + SUFFIX;
    var bucket = "it-concurrent-" + SUFFIX;
    seed(table, bucket);
    var bus = "it-bus-concurrent-" + SUFFIX;
    var queueUrl = queueOn(bus);
    var props = Map.<String, Object>of("vigil.event-bus-name", bus);
    try (var first = handler(table, bucket, props); var second = handler(table, bucket, props)) {
      var outcomes = Concurrently.<Map<String, Object>>run(List.of(
          () -> first.handleRequest(event, null),
          () -> second.handleRequest(event, null)));

      var produced = outcomes.stream().filter(o -> o.value() != null
          && Boolean.FALSE.equals(o.value().get("duplicate"))).toList();
      assertEquals(1, produced.size(), "exactly one copy produces the pack: " + outcomes);
      var result = produced.get(0).value();
      var other = outcomes.get(outcomes.get(0) == produced.get(0) ? 1 : 0);
      System.out.println("concurrent copies of management-review 2026-Q3: one produced, the"
          + " other " + (other.error() == null ? "answered duplicate=" + other.value()
          .get("duplicate") : "failed: " + other.error().getClass().getSimpleName()));
      if (other.error() != null) {
        assertTrue(other.error() instanceof ReportInProgressException, other.toString());
        // Lambda's retry of the failed copy, in its environment
        var retried = (other == outcomes.get(0) ? first : second).handleRequest(event, null);
        assertEquals(true, retried.get("duplicate"));
        assertEquals(result.get("manifestSha256"), retried.get("manifestSha256"));
      } else {
        assertEquals(true, other.value().get("duplicate"), other.toString());
        assertEquals(result.get("manifestSha256"), other.value().get("manifestSha256"));
      }

      assertEquals(shape(objects(once).keySet()), shape(objects(bucket).keySet()),
          "the bucket holds what one delivery leaves");
      assertEquals(shape(itemKeys(once)), shape(itemKeys(table)),
          "the table holds what one delivery leaves");
      @SuppressWarnings("unchecked")
      var files = ((List<Map<String, Object>>) result.get("files")).stream()
          .map(f -> (String) f.get("key")).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(files, objects(bucket).keySet().stream()
          .filter(k -> k.startsWith("reports/")).collect(Collectors.toCollection(TreeSet::new)),
          "the documents of the result, and no others");
      var ledger = new io.vigil.adapters.dynamodb.DynamoDbLedgerRepository(enhanced, table);
      var manifestSha = (String) result.get("manifestSha256");
      var unit = "document#performance-report#management-review-2026-Q3-"
          + manifestSha.substring(0, 12);
      assertEquals(unit, ledger.head().orElseThrow().unitId(), "the one entry is the result's");
      assertEquals(1, ledger.entriesAfter(0).count(), "one ledger entry");
      var verified = new io.vigil.domain.evidence.LedgerVerifier(ledger,
          new S3EvidenceVault(s3, bucket)).verify();
      assertTrue(verified.intact(), verified.summary());
      var messages = receive(queueUrl, 1);
      assertEquals(1, messages.size(), "one Summary Ready: " + messages);
      assertTrue(messages.get(0).contains(manifestSha), messages.get(0));
    }
  }

  /**
   * An invocation that claimed the period and died before completing it: a retry within its lease
   * (its deadline) fails without writing anything; once the lease has passed, the retry produces
   * the report, once. A claim written before leases existed (no {@code leaseUntil}) may be taken
   * over at once, as before.
   */
  @Test
  void aClaimLeftByACrashedInvocation_holdsUntilItsDeadline_thenTheRetryProducesTheReport()
      throws Exception {
    var table = "it-crashed-" + SUFFIX;
    var bucket = "it-crashed-" + SUFFIX;
    seed(table, bucket);
    var bus = "it-bus-crashed-" + SUFFIX;
    var queueUrl = queueOn(bus);
    var event = event("2026-11-23T06:00:00Z", Map.of("kind", "management-review",
        "period", "2026-Q3"));
    var lease = Instant.now().plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    var claims = new DynamoDbReportClaims(dynamo, table, Clock.system());
    assertEquals(new ReportClaims.Claimed(),
        claims.claim(SummaryKind.MANAGEMENT_REVIEW, "2026-Q3", lease));
    var itemsBefore = items(table);
    try (var handler = handler(table, bucket, Map.of("vigil.event-bus-name", bus))) {
      var held = assertThrows(ReportInProgressException.class,
          () -> handler.handleRequest(event, null));
      assertEquals(lease, held.leaseUntil());
      assertEquals(Map.of(), objects(bucket), "nothing stored");
      assertEquals(itemsBefore, items(table), "nothing written");

      // the dead invocation's deadline passes
      dynamo.updateItem(r -> r.tableName(table)
          .key(Map.of("PK", AttributeValue.fromS("REPORT#management-review#2026-Q3"),
              "SK", AttributeValue.fromS("META")))
          .updateExpression("SET leaseUntil = :past")
          .expressionAttributeValues(Map.of(":past",
              AttributeValue.fromN(Long.toString(Instant.now().toEpochMilli() - 1)))));
      var produced = handler.handleRequest(event, null);
      assertEquals(false, produced.get("duplicate"));
      assertEquals(1, receive(queueUrl, 1).size(), "one Summary Ready");

      // a claim left by the previous version of the function carries no lease
      dynamo.putItem(r -> r.tableName(table).item(Map.of(
          "PK", AttributeValue.fromS("REPORT#management-review#2026-Q2"),
          "SK", AttributeValue.fromS("META"), "type", AttributeValue.fromS("ReportRun"),
          "status", AttributeValue.fromS("IN_PROGRESS"),
          "claimedAt", AttributeValue.fromS(Instant.now().toString()))));
      var legacy = handler.handleRequest(event("2026-11-23T06:00:00Z", Map.of(
          "kind", "management-review", "period", "2026-Q2")), null);
      assertEquals(false, legacy.get("duplicate"));
    }
  }

  /** The claim lasts until the invocation's deadline (Lambda context), else 15 minutes. */
  @Test
  void theClaimLastsUntilTheDeadlineOfItsInvocation() {
    var table = "it-lease-" + SUFFIX;
    var bucket = "it-lease-" + SUFFIX;
    seed(table, bucket);
    var bus = "it-bus-lease-" + SUFFIX;
    eventBridge.createEventBus(r -> r.name(bus));
    try (var handler = handler(table, bucket, Map.of("vigil.event-bus-name", bus))) {
      // without a context first: Micronaut keeps the last invocation's context as a bean
      for (var context : java.util.Arrays.asList(null,
          new FakeLambdaContext("vigil-summarize-performance", 2048, 90_000))) {
        var period = context == null ? "2026-W45" : "2026-W46";
        var start = Instant.now().toEpochMilli();
        var calls = SdkCallRecorder.record(() -> handler.handleRequest(event(
            "2026-11-23T06:00:00Z", Map.of("kind", "summary", "period", period)), context));
        var end = Instant.now().toEpochMilli();
        var claim = calls.stream()
            .filter(c -> c.request() instanceof software.amazon.awssdk.services.dynamodb.model
                .PutItemRequest put && put.item().get("PK").s().startsWith("REPORT#")
                && put.item().containsKey("leaseUntil"))
            .map(c -> (software.amazon.awssdk.services.dynamodb.model.PutItemRequest) c.request())
            .findFirst().orElseThrow();
        long lease = Long.parseLong(claim.item().get("leaseUntil").n());
        long remaining = context == null
            ? SummarizePerformanceHandler.DEFAULT_LEASE.toMillis() : 90_000;
        assertTrue(lease >= start + remaining && lease <= end + remaining,
            period + ": lease " + lease + " is " + remaining + " ms after the invocation");
      }
    }
  }

  /** Item keys of {@code table}: {@code PK|SK}. */
  private static List<String> itemKeys(String table) {
    return dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
        .map(i -> i.get("PK").s() + "|" + i.get("SK").s()).toList();
  }

  /**
   * Keys with what differs between two runs over twin tables masked (digests and their 12-digit
   * prefixes, the vault's 2-digit fan-out, time-ordered 16-digit ids, timestamps), sorted with
   * repeats kept.
   */
  private static List<String> shape(java.util.Collection<String> keys) {
    return keys.stream()
        .map(k -> k.replaceAll("evidence/sha256/[0-9a-f]{2}/", "evidence/sha256/xx/")
            .replaceAll("[0-9a-f]{64}", "<sha256>")
            .replaceAll("(?<![0-9A-Za-z])[0-9a-f]{12,16}(?![0-9A-Za-z])", "<hex>")
            .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<time>"))
        .sorted().toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void weeklySummary_coversThePreviousIsoWeekByDefault() {
    var table = "it-weekly-" + SUFFIX;
    var bucket = "it-weekly-" + SUFFIX;
    seed(table, bucket);
    eventBridge.createEventBus(r -> r.name("it-bus-weekly-" + SUFFIX));
    try (var handler = handler(table, bucket, Map.of("vigil.event-bus-name",
        "it-bus-weekly-" + SUFFIX, "vigil.reports.link-days", "2",
        "vigil.reports.timezone", "Europe/Berlin"))) {
      // Monday 23 Nov 2026 00:30 in Berlin is still Sunday 22 Nov in UTC
      var response = handler.handleRequest(event("2026-11-22T23:30:00Z",
          Map.of("kind", "summary")), null);
      assertEquals("2026-W47", response.get("period"));
      var utc = handler(table, bucket, Map.of("vigil.event-bus-name", "it-bus-weekly-" + SUFFIX,
          "vigil.reports.timezone", "UTC"));
      try (utc) {
        assertEquals("2026-W46", utc.handleRequest(event("2026-11-22T23:30:00Z",
            Map.of("kind", "summary")), null).get("period"));
      }
      var keys = objects(bucket).keySet().stream().filter(k -> k.startsWith("reports/"))
          .toList();
      assertEquals(6, keys.size(), keys.toString());
      assertTrue(keys.stream().anyMatch(k -> k.startsWith("reports/summary/2026-W47/")));
      assertTrue(((String) response.get("url")).contains("X-Amz-Expires=172800"));
      assertTrue(((List<String>) response.get("highlights")).stream()
          .anyMatch(h -> h.startsWith("Open findings: 1")), response.toString());
    }
  }

  /**
   * The requests of one summary: the sample event (events/summarize-performance/
   * weekly-summary.json, 2026-W49) over an empty table, the cold-start harness's scenario. Exact,
   * so that a read added or repeated fails here: one Query per check of the catalogue (each
   * check's latest results are a GSI2 partition of their own), the open findings, the closed
   * findings of the two months the week touches (30 Nov - 6 Dec), the audits of three statuses,
   * three registers, the measures stored (BatchWriteItem) and read back with their history (one
   * BatchGetItem for the previous week of each measure and the 12 weeks of the two charts); the
   * claim and its completion, three documents, the manifest and the ledger's run manifest, the
   * ledger's unit and head reads and its append, and Summary Ready.
   */
  @Test
  void oneSummaryOfTheSampleEvent_makesTheseRequests() throws Exception {
    var table = "it-sample-" + SUFFIX;
    var bucket = "it-sample-" + SUFFIX;
    new VigilTable(table).createIfAbsent(dynamo);
    new EvidenceBucket(s3, bucket).createIfAbsent();
    var bus = "it-bus-sample-" + SUFFIX;
    eventBridge.createEventBus(r -> r.name(bus));
    @SuppressWarnings("unchecked")
    var sample = (Map<String, Object>) JsonReader.read(java.nio.file.Files.readAllBytes(
        java.nio.file.Path.of("..", "..", "events", "summarize-performance",
            "weekly-summary.json")));
    try (var handler = handler(table, bucket, Map.of("vigil.event-bus-name", bus))) {
      var calls = SdkCallRecorder.record(() -> assertEquals("2026-W49",
          handler.handleRequest(sample, null).get("period")));

      int checks = io.vigil.domain.check.CheckIndex.bundled().all().size();
      var expected = new TreeMap<String, Long>(Map.of(
          "DynamoDb PutItem", 2L,
          "DynamoDb Query", checks + 1L + 2 + 3 + 3,
          "DynamoDb BatchWriteItem", 1L,
          "DynamoDb BatchGetItem", 1L,
          "DynamoDb GetItem", 2L,
          "DynamoDb TransactWriteItems", 1L,
          "S3 PutObject", 5L,
          "EventBridge PutEvents", 1L));
      var actual = calls.stream().collect(Collectors.groupingBy(
          c -> c.service() + " " + c.operation(), TreeMap::new, Collectors.counting()));
      assertEquals(expected, actual, SdkCallRecorder.describe(calls));
      assertEquals(checks + 22, calls.size());
    }
  }

  @Test
  void aBadEventFailsNamingTheField_andWritesNothing() {
    var table = "it-bad-" + SUFFIX;
    var bucket = "it-bad-" + SUFFIX;
    new VigilTable(table).createIfAbsent(dynamo);
    new EvidenceBucket(s3, bucket).createIfAbsent();
    try (var handler = handler(table, bucket, Map.of())) {
      var cases = Map.of(
          "detail.period", event("2026-11-23T06:00:00Z", Map.of("kind", "summary",
              "period", "2026-13")),
          "detail.kind", event("2026-11-23T06:00:00Z", Map.of("kind", "annual")),
          "detail.perod", event("2026-11-23T06:00:00Z", Map.of("kind", "summary",
              "perod", "2026-W47")),
          "time", event("23/11/2026", Map.of("kind", "summary")),
          "detail", event("2026-11-23T06:00:00Z", null));
      cases.forEach((field, bad) -> {
        var e = assertThrows(IllegalArgumentException.class,
            () -> handler.handleRequest(bad, null));
        assertTrue(e.getMessage().contains("'" + field + "'"), field + ": " + e.getMessage());
      });
      var future = assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(
          event("2026-11-23T06:00:00Z", Map.of("kind", "management-review",
              "period", "2026-Q4")), null));
      assertTrue(future.getMessage().contains("not ended"), future.getMessage());
    }
    assertEquals(Set.of(), items(table));
    assertEquals(Map.of(), objects(bucket));
  }

  @Test
  void aMissingBucketIsAConfigurationError() {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.table-name", "it-unused-" + SUFFIX);
    props.put("vigil.reports.link-days", "8");
    var e = assertThrows(RuntimeException.class, () -> new SummarizePerformanceHandler(
        ApplicationContext.builder().properties(props)));
    var message = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      message.append(t.getMessage()).append('\n');
    }
    assertTrue(message.toString().contains("vigil.evidence-bucket"), message.toString());
  }
}
