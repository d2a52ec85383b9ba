package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import io.vigil.functions.findingsapi.IdempotencyStore.Claim;
import io.vigil.functions.findingsapi.IdempotencyStore.Claimed;
import io.vigil.functions.findingsapi.IdempotencyStore.Completed;
import io.vigil.functions.findingsapi.IdempotencyStore.InFlight;
import io.vigil.functions.findingsapi.IdempotencyStore.Mismatch;
import io.vigil.functions.findingsapi.IdempotencyStore.Scope;
import io.vigil.functions.findingsapi.IdempotencyStore.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link DynamoDbIdempotencyStore} against the emulator: every branch of claim, complete and
 * release, with explicit times (leases, expiry), large responses and over-long keys, and
 * concurrent claims of one key.
 */
@WithAwsEmulator
class DynamoDbIdempotencyStoreIT {

  private static final String TABLE = "idempotency-it-" + UUID.randomUUID().toString()
      .substring(0, 8);
  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  private static final Duration LEASE = Idempotency.LEASE;
  private static final Duration TTL = Idempotency.TTL;
  private static final StoredResponse CREATED = new StoredResponse(201,
      Map.of("content-type", "application/json", "location", "/findings/F-1", "etag", "\"0\""),
      "{\"id\":\"F-1\"}");

  private static AwsClientFactory clients;
  private static DynamoDbClient dynamo;
  private static DynamoDbIdempotencyStore store;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
        Region.of(aws.region()));
    new VigilTable(TABLE).createIfAbsent(dynamo);
    store = new DynamoDbIdempotencyStore(dynamo, TABLE);
  }

  @AfterAll
  static void tearDown() {
    if (clients != null) {
      clients.close();
    }
  }

  private static Scope scope() {
    return new Scope("sub-" + UUID.randomUUID(), "POST /findings", UUID.randomUUID().toString());
  }

  private static String token(Claim claim) {
    return assertInstanceOf(Claimed.class, claim).token();
  }

  @Test
  void aCompletedKeyAnswersItsResponseAndRefusesAnotherBody() {
    var scope = scope();
    var token = token(store.claim(scope, "fp-1", T0, LEASE, TTL));
    assertInstanceOf(InFlight.class, store.claim(scope, "fp-1", T0.plusSeconds(1), LEASE, TTL));
    assertInstanceOf(Mismatch.class, store.claim(scope, "fp-2", T0.plusSeconds(1), LEASE, TTL));

    assertTrue(store.complete(scope, token, CREATED));

    var replay = assertInstanceOf(Completed.class,
        store.claim(scope, "fp-1", T0.plusSeconds(2), LEASE, TTL));
    assertEquals(CREATED, replay.response());
    assertInstanceOf(Mismatch.class, store.claim(scope, "fp-2", T0.plusSeconds(2), LEASE, TTL));
    var item = dynamo.getItem(b -> b.tableName(TABLE).key(DynamoDbIdempotencyStore.key(scope)))
        .item();
    assertEquals("IDEMPOTENCY#" + scope.subject(), item.get("PK").s());
    assertEquals("POST /findings#" + scope.key(), item.get("SK").s());
    assertEquals("IdempotencyKey", item.get("type").s());
    assertEquals(String.valueOf(T0.plus(TTL).getEpochSecond()), item.get("expiresAt").n());
    assertFalse(item.containsKey("lockedUntil"));
  }

  @Test
  void aReleasedKeyMayBeClaimedAgainButOnlyByItsHolder() {
    var scope = scope();
    var token = token(store.claim(scope, "fp", T0, LEASE, TTL));
    store.release(scope, "someone-else");
    assertInstanceOf(InFlight.class, store.claim(scope, "fp", T0, LEASE, TTL));
    store.release(scope, token);
    var again = token(store.claim(scope, "fp-other-body", T0, LEASE, TTL));
    assertNotEquals(token, again);
    assertFalse(store.complete(scope, token, CREATED), "the released token stores nothing");
    assertInstanceOf(InFlight.class, store.claim(scope, "fp-other-body", T0, LEASE, TTL));
  }

  @Test
  void aClaimPastItsLeaseIsTakenOverAndTheOldHolderStoresNothing() {
    var scope = scope();
    var dead = token(store.claim(scope, "fp", T0, LEASE, TTL));
    assertInstanceOf(InFlight.class, store.claim(scope, "fp", T0.plus(LEASE).minusMillis(1),
        LEASE, TTL));
    assertInstanceOf(Mismatch.class, store.claim(scope, "fp-2", T0.plus(LEASE).plusMillis(1),
        LEASE, TTL), "another body never takes a key over");
    var taker = token(store.claim(scope, "fp", T0.plus(LEASE).plusMillis(1), LEASE, TTL));

    assertFalse(store.complete(scope, dead, CREATED));
    assertTrue(store.complete(scope, taker, CREATED));
    store.release(scope, taker);
    assertInstanceOf(Completed.class, store.claim(scope, "fp", T0.plus(LEASE).plusSeconds(5),
        LEASE, TTL), "a completed key is not released");
  }

  @Test
  void anExpiredKeyIsANewClaim() {
    var scope = scope();
    assertTrue(store.complete(scope, token(store.claim(scope, "fp", T0, LEASE, TTL)), CREATED));
    assertInstanceOf(Completed.class, store.claim(scope, "fp", T0.plus(TTL).minusSeconds(1),
        LEASE, TTL));
    token(store.claim(scope, "fp-2", T0.plus(TTL), LEASE, TTL));
  }

  @Test
  void aLargeResponseIsStoredGzippedAndReadBackWhole() {
    var scope = scope();
    var body = "{\"text\":\"" + "x".repeat(300_000) + "\"}";
    var large = new StoredResponse(200, Map.of("content-type", "application/json"), body);
    assertTrue(store.complete(scope, token(store.claim(scope, "fp", T0, LEASE, TTL)), large));

    var item = dynamo.getItem(b -> b.tableName(TABLE).key(DynamoDbIdempotencyStore.key(scope)))
        .item();
    assertTrue(item.containsKey("bodyGzip") && !item.containsKey("body"), item.keySet()
        .toString());
    assertEquals(large, assertInstanceOf(Completed.class,
        store.claim(scope, "fp", T0, LEASE, TTL)).response());
  }

  @Test
  void overLongKeysAreHashedAndStillOneKey() {
    var scope = new Scope("s".repeat(1_500), "POST /registers/evidence-tasks/"
        + "T".repeat(64) + "/attachments", "k".repeat(Idempotency.MAX_KEY_LENGTH) + "é"
        .repeat(400));
    var key = DynamoDbIdempotencyStore.key(scope);
    assertTrue(key.get("PK").s().startsWith("IDEMPOTENCY#SHA256#"), key.toString());
    assertTrue(key.get("SK").s().startsWith("SHA256#"), key.toString());
    var token = token(store.claim(scope, "fp", T0, LEASE, TTL));
    assertInstanceOf(InFlight.class, store.claim(scope, "fp", T0, LEASE, TTL));
    assertTrue(store.complete(scope, token, CREATED));
    assertInstanceOf(Completed.class, store.claim(scope, "fp", T0, LEASE, TTL));
  }

  @Test
  void ofConcurrentClaimsExactlyOneWins() throws Exception {
    int copies = 8;
    for (int round = 0; round < 5; round++) {
      var scope = scope();
      var start = new CountDownLatch(1);
      var pool = Executors.newFixedThreadPool(copies);
      try {
        var claims = new ArrayList<java.util.concurrent.Future<Claim>>();
        for (int i = 0; i < copies; i++) {
          claims.add(pool.submit(() -> {
            start.await();
            return store.claim(scope, "fp", T0, LEASE, TTL);
          }));
        }
        start.countDown();
        int won = 0;
        for (var c : claims) {
          var claim = c.get(60, TimeUnit.SECONDS);
          if (claim instanceof Claimed) {
            won++;
          } else {
            assertInstanceOf(InFlight.class, claim);
          }
        }
        assertEquals(1, won, "round " + round);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
