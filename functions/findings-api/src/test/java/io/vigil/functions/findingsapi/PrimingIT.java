package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.EmulatedHandler.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.aws.Priming;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart priming of findings-api (issue 10) against the emulator: the real handler's warm-up,
 * run as Lambda runs it before the snapshot, on a table and a bucket holding findings, actions,
 * idempotency keys, registers, an attached evidence file and an approved SoA. Every AWS call made
 * during priming is recorded ({@link SdkCallRecorder}): only reads of Vigil's table are allowed,
 * and the table and the bucket must be byte-for-byte what they were.
 */
@WithAwsEmulator
class PrimingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "priming-it-" + SUFFIX;
  private static final String BUCKET = "priming-it-" + SUFFIX;

  /** The only calls a warm-up may make: reads of Vigil's table. */
  private static final Set<String> ALLOWED = Set.of("DynamoDb GetItem", "DynamoDb Query");

  private static EmulatedHandler handler;
  private static DynamoDbClient dynamo;
  private static S3Client s3;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    handler = new EmulatedHandler(aws, TABLE, Map.of("vigil.evidence-bucket", BUCKET));
    var clients = handler.clients();
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, handler.region());
    new VigilTable(TABLE).createIfAbsent(dynamo);
    s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        handler.region());
    new EvidenceBucket(s3, BUCKET).createIfAbsent();
    seed();
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
  }

  /** Findings, an action, idempotency keys, registers, an evidence file and an SoA version. */
  private static void seed() {
    var finding = handler.call(as("POST", "/findings", "auditor", "auditor")
        .header("idempotency-key", UUID.randomUUID().toString()).body("""
            {"title": "Backups are not restore-tested", "type": "MAJOR_NONCONFORMITY",
             "source": "EXTERNAL_AUDIT", "controls": ["A.8.13"], "description": "No test",
             "owner": "owner@acme.test", "dueDate": "2027-01-31"}""")).expect(201);
    handler.call(as("POST", "/findings/" + finding.get("id") + "/actions", "owner", "owner")
        .body("""
            {"description": "Monthly restore test", "owner": "owner@acme.test",
             "dueDate": "2027-01-15"}""")).expect(201);
    handler.call(as("POST", "/registers/risks", "isms", "isms-manager").body(
        ApiFixture.RISK_BODY)).expect(201);
    var task = handler.call(as("POST", "/registers/evidence-tasks", "isms", "isms-manager")
        .body("""
            {"controls": ["A.6.3"], "title": "Awareness training completion report",
             "owner": "ops@acme.test", "frequencyMonths": 3, "nextDue": "2027-01-10"}"""))
        .expect(201);
    handler.call(as("POST", "/registers/evidence-tasks/" + task.get("id") + "/attachments",
        "ops", "owner").header("if-match", task.etag()).body("{\"fileName\": \"report.pdf\","
            + " \"contentBase64\": \"" + Base64.getEncoder().encodeToString(
                "%PDF-1.4 report".getBytes()) + "\"}")).expect(200);
  }

  /** Every item of the table and every object of the bucket, with its bytes. */
  private record State(List<Map<String, AttributeValue>> items, Map<String, String> objects) {}

  private static State state() {
    var items = new ArrayList<Map<String, AttributeValue>>();
    dynamo.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items()
        .forEach(i -> items.add(new TreeMap<>(i)));
    items.sort((a, b) -> (a.get("PK").s() + "|" + a.get("SK").s())
        .compareTo(b.get("PK").s() + "|" + b.get("SK").s()));
    var objects = new TreeMap<String, String>();
    s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().forEach(o -> objects.put(o.key(),
        Base64.getEncoder().encodeToString(s3.getObjectAsBytes(b -> b.bucket(BUCKET)
            .key(o.key())).asByteArray())));
    return new State(items, objects);
  }

  /**
   * The rules of a warm-up: it succeeded; it made at least one call (it reached the table); every
   * call is an allowed read of Vigil's table (so no STS, no customer account, no S3, no
   * EventBridge, no write); the table and the bucket are unchanged.
   */
  private static void assertHarmless(boolean primed, List<SdkCallRecorder.Call> calls,
      State before, State after) {
    assertTrue(primed, "prime() succeeded");
    assertFalse(calls.isEmpty(), "the warm-up read the table");
    for (var call : calls) {
      if (!ALLOWED.contains(call.service() + " " + call.operation())
          || !TABLE.equals(call.table())) {
        fail("the warm-up made a call outside its allow-list " + ALLOWED + " on " + TABLE
            + ": " + call + " (all: " + calls + ")");
      }
    }
    assertEquals(before.items().size(), after.items().size(), "items in the table");
    assertEquals(before.items(), after.items(), "the table's items, byte for byte");
    assertEquals(before.objects(), after.objects(), "the bucket's objects, byte for byte");
  }

  /** What priming did: its outcome and the AWS calls it made. */
  private record Run(boolean primed, List<SdkCallRecorder.Call> calls) {}

  private static Run prime(Priming priming) {
    SdkCallRecorder.start();
    try {
      boolean primed = priming.prime();
      var calls = SdkCallRecorder.stop();
      System.out.println("priming made " + calls.size() + " AWS call(s): " + calls);
      return new Run(primed, calls);
    } finally {
      SdkCallRecorder.stop();
    }
  }

  @Test
  void theWarmUpOnlyReadsVigilsTableAndChangesNothing() {
    var before = state();
    assertFalse(before.objects().isEmpty(), "the bucket holds the evidence file");
    assertTrue(before.items().stream().anyMatch(i -> i.get("PK").s().startsWith(
        DynamoDbIdempotencyStore.PREFIX)), "the table holds an idempotency key");

    var run = prime(handler.handler().priming());

    assertHarmless(run.primed(), run.calls(), before, state());
  }

  @Test
  void theCheckFailsAWarmUpThatWrites() {
    var before = state();
    var marker = Map.of("PK", AttributeValue.fromS("PRIMING#"),
        "SK", AttributeValue.fromS("PRIMING#"));
    var writing = Priming.register("writing warm-up", () -> {
      assertTrue(handler.handler().priming().prime());
      dynamo.putItem(b -> b.tableName(TABLE).item(marker));
    });

    var run = prime(writing);

    try {
      var error = assertThrows(AssertionError.class,
          () -> assertHarmless(run.primed(), run.calls(), before, state()));
      assertTrue(error.getMessage().contains("PutItem"), error.getMessage());
    } finally {
      dynamo.deleteItem(b -> b.tableName(TABLE).key(marker));
    }
    assertEquals(before, state(), "cleaned up");
  }
}
