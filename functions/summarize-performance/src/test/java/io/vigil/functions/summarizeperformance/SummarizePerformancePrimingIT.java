package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.aws.Priming;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SnapStart warm-up of summarize-performance against the emulator, with records, documents,
 * a vault object and a completed report claim in place: it succeeds; the only AWS requests it
 * sends are DynamoDB {@code GetItem}s on Vigil's table (no S3 request — the link is presigned
 * locally — no event, no STS); the table and the bucket are unchanged item for item and byte for
 * byte; no Summary Ready reaches the bus rule. The first and a second warm-up are timed (the first
 * loads the renderers, PDFBox's fonts included). The same check is shown to catch a warm-up that
 * stores a document.
 */
@WithAwsEmulator
class SummarizePerformancePrimingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "it-priming-" + SUFFIX;
  private static final String BUCKET = "it-priming-" + SUFFIX;
  private static final String BUS = "it-bus-priming-" + SUFFIX;

  private static AwsClientFactory clients;
  private static DynamoDbClient dynamo;
  private static S3Client s3;
  private static SqsClient sqs;
  private static String queueUrl;
  private static SummarizePerformanceHandler handler;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    new VigilTable(TABLE).createIfAbsent(dynamo);
    new EvidenceBucket(s3, BUCKET).createIfAbsent();
    // records, a stored document, a vault object and a completed claim — no rendering here, so
    // that the first warm-up below is the first to load the renderers
    var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    var observed = Instant.parse("2026-11-27T06:00:00Z");
    new DynamoDbResultRepository(enhanced, TABLE).saveAll(List.of(
        new CheckResult("run-" + SUFFIX, CheckId.of("s3_bucket_public_access_blocked"),
            CheckStatus.FAIL, "123456789012", "eu-west-1", "arn:aws:s3:::open",
            "AWS::S3::Bucket", List.of(ControlId.parse("A.8.3")), Severity.HIGH, observed,
            Sha256.of("open"), "public")));
    s3.putObject(r -> r.bucket(BUCKET).key("reports/summary/2026-W47/seeded.md"),
        RequestBody.fromString("# seeded", StandardCharsets.UTF_8));
    new S3EvidenceVault(s3, BUCKET).put("{\"seeded\":true}".getBytes(StandardCharsets.UTF_8));
    new DynamoDbReportClaims(dynamo, TABLE, Clock.system()).complete(SummaryKind.SUMMARY,
        "2026-W47", Map.of("summaryId", "summary-2026-W47"));
    var eventBridge = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
    queueUrl = sqs.createQueue(r -> r.queueName(BUS + "-summaries")).queueUrl();
    var queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
        "QueueArn")).attributesAsStrings().get("QueueArn");
    eventBridge.createEventBus(r -> r.name(BUS));
    eventBridge.putRule(r -> r.name("summaries").eventBusName(BUS)
        .eventPattern("{\"source\":[\"vigil\"],\"detail-type\":[\"Summary Ready\"]}"));
    eventBridge.putTargets(r -> r.rule("summaries").eventBusName(BUS)
        .targets(t -> t.id("q").arn(queueArn)));
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", TABLE);
    props.put("vigil.evidence-bucket", BUCKET);
    props.put("vigil.event-bus-name", BUS);
    handler = new SummarizePerformanceHandler(ApplicationContext.builder().properties(props));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
    if (clients != null) {
      clients.close();
    }
  }

  @Test
  void primingReadsOnlyVigilsTable_andChangesNothing() {
    var items = items();
    var objects = objects();

    long start = System.nanoTime();
    var calls = SdkCallRecorder.record(() -> assertTrue(handler.priming().prime(),
        "the warm-up succeeds"));
    long firstMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    var again = SdkCallRecorder.record(() -> assertTrue(handler.priming().prime()));
    long secondMillis = (System.nanoTime() - start) / 1_000_000;

    assertHarmless(calls);
    assertHarmless(again);
    assertTrue(calls.stream().anyMatch(c -> c.request() instanceof GetItemRequest),
        "the warm-up reads the table: " + calls);
    assertEquals(items, items(), "the table is unchanged");
    assertEquals(objects, objects(), "the bucket is unchanged, byte for byte");
    assertEquals(List.of(), sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1))
        .messages(), "no Summary Ready");
    System.out.println("summarize-performance priming: " + calls + "; first warm-up "
        + firstMillis + " ms, second " + secondMillis + " ms");
  }

  @Test
  void theCheckCatchesAWarmUpThatStoresADocument() {
    var objects = objects();
    var stores = Priming.register("stores", () -> new S3EvidenceVault(s3, BUCKET)
        .put("{\"primed\":true}".getBytes(StandardCharsets.UTF_8)));
    var calls = SdkCallRecorder.record(() -> assertTrue(stores.prime()));
    assertThrows(AssertionFailedError.class, () -> assertHarmless(calls));
    assertNotEquals(objects, objects(), "and the bucket comparison sees the object");
    s3.deleteObject(r -> r.bucket(BUCKET).key(S3EvidenceVault.key(Sha256.of(
        "{\"primed\":true}".getBytes(StandardCharsets.UTF_8)))));
  }

  /**
   * Only DynamoDB {@code GetItem}s on Vigil's table (the allow-list); in particular no S3, no
   * EventBridge and no STS request.
   */
  private static void assertHarmless(List<SdkCallRecorder.Call> calls) {
    for (var call : calls) {
      var type = call.request().getClass().getName();
      assertFalse(type.startsWith("software.amazon.awssdk.services.sts."), "STS: " + call);
      assertFalse(type.startsWith("software.amazon.awssdk.services.s3."), "S3: " + call);
      assertFalse(type.startsWith("software.amazon.awssdk.services.eventbridge."),
          "EventBridge: " + call);
      assertTrue(call.request() instanceof GetItemRequest get && TABLE.equals(get.tableName()),
          "not on the allow-list (DynamoDB GetItem on Vigil's table): " + call);
    }
  }

  /** Every item of the table, every attribute. */
  private static Map<String, Map<String, AttributeValue>> items() {
    var out = new TreeMap<String, Map<String, AttributeValue>>();
    dynamo.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items()
        .forEach(i -> out.put(i.get("PK").s() + "|" + i.get("SK").s(), i));
    return out;
  }

  /** Every object of the bucket: key and the SHA-256 of its bytes. */
  private static Map<String, String> objects() {
    var out = new TreeMap<String, String>();
    s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().forEach(o -> out.put(o.key(),
        Sha256.of(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(o.key())).asByteArray())
            .hex()));
    return out;
  }
}
