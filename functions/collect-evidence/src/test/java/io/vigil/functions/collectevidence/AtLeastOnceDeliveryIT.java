package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.vigil.adapters.VigilStorage;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.collection.RunInProgressException;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.emulator.MotoServer;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue 11, Deliver 2, for collect-evidence: EventBridge and SQS deliver at least once, so every
 * sample event is delivered once, then again, then — on a fresh store — as two copies at the same
 * moment to two handler instances (two Lambda execution environments). The stored state after the
 * repeat equals that after one delivery exactly, and the repeat sends nothing. After the two
 * concurrent copies the table and bucket equal those after one delivery up to the per-invocation
 * values {@link StoredState} names (times, and the hashes of documents that contain them): no
 * duplicate or missing result, finding, history entry, ledger entry (the ledger verifies) or
 * evidence object, and each finding is announced once; and both copies together send what one
 * delivery sends: one Run Completed per run, one message per unit, one manifest per unit. A copy
 * that arrives while the other holds the run's claim is refused before it writes or sends
 * anything and, as its trigger would, delivered again once the other copy has finished: the
 * retry is a duplicate. A claim left by a crashed invocation is honoured until its deadline and
 * taken over after it
 * ({@link #crashedClaim_isRefusedWhileLive_andTakenOverOnceItsDeadlinePassed}).
 *
 * <p>One moto_server and one seeded estate for the class. Every store (table and bucket) of every
 * case is created before the first delivery: a function's own table and bucket are part of the
 * estate it collects, so each delivery must see the same estate.
 */
@WithAwsEmulator
class AtLeastOnceDeliveryIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  /** The bucket the Config change sample names. */
  private static final String CHANGED_BUCKET = "vigil-demo-public";
  /** Copies delivered at the same moment. */
  private static final int COPIES = 2;
  private static final String RUN_COMPLETED = "Run Completed";
  private static final String FINDING_OPENED = "Finding Opened";
  /** The cases a crashed claim is tried with: a run claimed by the event handler, a unit. */
  private static final Set<Case> CRASH_CASES = Set.of(Case.CONFIG_CHANGE, Case.SQS_UNIT);
  private static final JsonMapper JSON = JsonMapper.createDefault();

  private static MotoServer own;
  private static AwsEmulator emulator;
  private static String endpoint;
  private static String regionName;
  private static AwsClientFactory clients;
  private static String securityGroupId;
  private static String busName;
  private static String busQueueUrl;
  private static final Map<String, String> fanOutQueues = new HashMap<>();

  /**
   * The cases: a sample event, the handler it goes to, whether the run fans out to a queue, and
   * the service groups evaluated. A whole-account run evaluates the network group only: with the
   * governance group every store of this class would be judged too (each is a table and a bucket
   * of the estate), and each of their findings is a moto transaction that copies the table
   * (performance.md, moto caveats) — minutes instead of seconds, for nothing delivery-specific.
   */
  enum Case {
    SCHEDULED("scheduled-run.json", false, false, "network"),
    SCHEDULER_FAN_OUT("scheduler-run.json", false, true, "network"),
    CONFIG_CHANGE("config-change-s3-bucket.json", false, false, ""),
    CLOUDTRAIL_CHANGE("cloudtrail-change-security-group.json", false, false, ""),
    SQS_UNIT("sqs-unit.json", true, false, "network");

    final String sample;
    final boolean queueHandler;
    final boolean fanOut;
    final String serviceGroups;

    Case(String sample, boolean queueHandler, boolean fanOut, String serviceGroups) {
      this.sample = sample;
      this.queueHandler = queueHandler;
      this.fanOut = fanOut;
      this.serviceGroups = serviceGroups;
    }

    String store(String copy) {
      return "it-alo-" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
          + copy + "-" + SUFFIX;
    }
  }

  @BeforeAll
  static void seed(AwsEmulator aws) {
    long started = System.nanoTime();
    emulator = aws;
    // its own moto_server: the collected estate is exactly what this class seeds (with the JVM's
    // shared one it would hold every earlier IT's resources, and each run would take longer)
    if (aws.isEmbeddedMoto()) {
      own = MotoServer.start();
      endpoint = own.endpoint();
    } else {
      endpoint = aws.endpoint();
    }
    regionName = aws.region();
    clients = new AwsClientFactory(AwsSettings.emulator(endpoint, regionName));
    var region = Region.of(regionName);
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    s3.createBucket(b -> b.bucket(CHANGED_BUCKET)
        .createBucketConfiguration(c -> c.locationConstraint(regionName)));
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, region);
    securityGroupId = ec2.createSecurityGroup(b -> b.groupName("alo-ssh-" + SUFFIX)
        .description("ssh from anywhere")).groupId();
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(securityGroupId).ipPermissions(
        IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
            .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));

    // every store of every case, before any delivery (see the class comment)
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    for (var c : Case.values()) {
      for (var copy : List.of("once", "twice")) {
        new VigilStorage(dynamo, s3, c.store(copy), c.store(copy)).initialize();
      }
      if (CRASH_CASES.contains(c)) {
        new VigilStorage(dynamo, s3, c.store("crashed"), c.store("crashed")).initialize();
      }
    }
    // the Vigil bus, observed through a rule that copies every Vigil event to a queue
    var sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    busName = "it-alo-bus-" + SUFFIX;
    busQueueUrl = sqs.createQueue(r -> r.queueName("it-alo-bus-" + SUFFIX)).queueUrl();
    var busQueueArn = sqs.getQueueAttributes(r -> r.queueUrl(busQueueUrl)
        .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
    var eventBridge = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
    eventBridge.createEventBus(r -> r.name(busName));
    eventBridge.putRule(r -> r.name("all-vigil").eventBusName(busName)
        .eventPattern("{\"source\":[\"vigil\"]}"));
    eventBridge.putTargets(r -> r.rule("all-vigil").eventBusName(busName)
        .targets(t -> t.id("q").arn(busQueueArn)));
    for (var copy : List.of("once", "twice")) {
      fanOutQueues.put(copy, sqs.createQueue(r -> r.queueName("it-alo-units-" + copy + "-"
          + SUFFIX)).queueUrl());
    }
    System.out.printf("[at-least-once] moto_server and estate ready in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  @AfterAll
  static void close() {
    if (clients != null) {
      clients.close();
    }
    if (own != null) {
      own.close();
    }
  }

  @Test
  void scheduledRule_deliveredTwiceOrConcurrently_storesWhatOneDeliveryStores() {
    deliverOnceTwiceAndConcurrently(Case.SCHEDULED);
  }

  @Test
  void schedulerWithFanOut_deliveredTwiceOrConcurrently_storesWhatOneDeliveryStores() {
    deliverOnceTwiceAndConcurrently(Case.SCHEDULER_FAN_OUT);
  }

  @Test
  void configChange_deliveredTwiceOrConcurrently_storesWhatOneDeliveryStores() {
    deliverOnceTwiceAndConcurrently(Case.CONFIG_CHANGE);
  }

  @Test
  void cloudTrailChange_deliveredTwiceOrConcurrently_storesWhatOneDeliveryStores() {
    deliverOnceTwiceAndConcurrently(Case.CLOUDTRAIL_CHANGE);
  }

  @Test
  void sqsUnit_deliveredTwiceOrConcurrently_storesWhatOneDeliveryStores() {
    deliverOnceTwiceAndConcurrently(Case.SQS_UNIT);
  }

  @Test
  void crashedClaim_isRefusedWhileLive_andTakenOverOnceItsDeadlinePassed() {
    for (var c : CRASH_CASES) {
      crashedClaim(c);
    }
  }

  private void deliverOnceTwiceAndConcurrently(Case c) {
    var event = event(c);
    long started = System.nanoTime();
    StoredState once;
    StoredState again;
    try (var handler = handler(c, "once")) {
      assertTrue(attempt(handler, event), c + ": delivered");
      once = capture(c, "once", handler);
      // and again, as a retry after the first attempt succeeded
      assertTrue(attempt(handler, event), c + ": delivered again");
      again = capture(c, "once", handler);
    }
    long sequential = System.nanoTime();

    assertFalse(once.itemsOfType("Run").isEmpty(), c + ": the delivery recorded a run");
    assertEquals(once.items(), again.items(), c + ": table unchanged by the second delivery");
    assertEquals(once.objects(), again.objects(), c + ": bucket unchanged by the second delivery");
    assertEquals(List.of(), again.messages(), c + ": no unit message sent again");
    assertEquals(List.of(), again.events(), c + ": no event published again");

    var twice = deliverConcurrently(c, event);
    long concurrent = System.nanoTime();
    System.out.printf("[at-least-once] %s: %d items, %d objects, %d messages, %d events; once and"
        + " again %d ms, two concurrent copies %d ms%n", c, once.items().size(),
        once.objects().size(), once.messages().size(), once.events().size(),
        (sequential - started) / 1_000_000, (concurrent - sequential) / 1_000_000);
    try {
      assertSameAsOneDelivery(c, once, twice);
    } catch (AssertionError e) {
      System.out.println("[at-least-once] " + c + " after one delivery:\n" + once.dump()
          + "[at-least-once] " + c + " after two concurrent copies:\n" + twice.dump());
      throw e;
    }
  }

  /**
   * Two copies released together, each to its own handler instance on one fresh store. A copy
   * refused because the other holds the claim is delivered again once both have finished, as its
   * trigger would (the retry is a duplicate: it must not be refused again).
   */
  private StoredState deliverConcurrently(Case c, Map<String, Object> event) {
    var handlers = List.of(handler(c, "twice"), handler(c, "twice"));
    var pool = Executors.newFixedThreadPool(COPIES);
    try {
      var ready = new CountDownLatch(COPIES);
      var go = new CountDownLatch(1);
      var copies = new ArrayList<Future<Boolean>>();
      for (var h : handlers) {
        copies.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return attempt(h, event);
        }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "both copies ready");
      go.countDown();
      var refused = new ArrayList<MicronautRequestHandler<Map<String, Object>, ?>>();
      for (int i = 0; i < COPIES; i++) {
        if (!copies.get(i).get(120, TimeUnit.SECONDS)) {
          refused.add(handlers.get(i));
        }
      }
      assertTrue(refused.size() < COPIES, c + ": one copy collected");
      System.out.printf("[at-least-once] %s: %d of %d concurrent copies refused (live claim)%n",
          c, refused.size(), COPIES);
      for (var h : refused) {
        assertTrue(attempt(h, event), c + ": the retry of a refused copy is not refused again");
      }
      return capture(c, "twice", handlers.get(0));
    } catch (ExecutionException e) {
      throw new AssertionError(c + ": a concurrent copy failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(c + ": the concurrent copies did not finish: " + e, e);
    } finally {
      pool.shutdownNow();
      handlers.forEach(MicronautRequestHandler::close);
    }
  }

  /**
   * The state two concurrent copies left equals the state of one delivery, up to per-invocation
   * values ({@link StoredState#normalised()}): the same results, latest results, findings, finding
   * locks and history, ledger entries (and an intact chain, checked by {@link #capture}), evidence
   * objects byte for byte and manifest contents, and the run items with their counts; exactly the
   * unit messages, manifests and events one delivery leaves: one Run Completed per run, one message
   * and one manifest per unit, every finding announced once. Only one copy holds a run's (or
   * unit's) claim at a time, so the other collects, sends and counts nothing. (moto needs
   * {@link io.vigil.emulator.junit.MotoAtomicWrites} for the findings to be announced once: see
   * there.)
   */
  private static void assertSameAsOneDelivery(Case c, StoredState once, StoredState twice) {
    var one = once.normalised();
    var two = twice.normalised();
    assertEquals(one.items(), two.items(), c + ": table after two concurrent copies vs one"
        + " delivery (per-invocation values blanked)");
    assertEquals(one.objects(), two.objects(), c + ": evidence objects and manifest contents");
    assertEquals(once.manifestsPerUnit(), twice.manifestsPerUnit(), c + ": manifests per unit");
    twice.manifestsPerUnit().forEach((unit, n) -> assertEquals(1, n,
        c + ": manifests of unit " + unit));
    assertEquals(one.messages(), two.messages(), c + ": unit messages, each sent once");
    assertEquals(one.details(FINDING_OPENED), two.details(FINDING_OPENED),
        c + ": every finding one delivery announces is announced once, and no other");
    assertEquals(one.details(RUN_COMPLETED), two.details(RUN_COMPLETED),
        c + ": one Run Completed per run, listing the findings one delivery lists");
    assertEquals(one.events(), two.events(), c + ": the events one delivery publishes");
    for (var count : List.of("findingsOpened", "evidenceObjects")) {
      assertEquals(runCounts(once, count), runCounts(twice, count), c + ": " + count);
    }
  }

  /**
   * A claim left by an invocation that crashed: while its deadline has not passed a delivery is
   * refused (the event handler throws {@link RunInProgressException}, the queue handler reports
   * the message as a batch item failure) and writes, sends and publishes nothing; once it has
   * passed, the next delivery takes the run over and collects it once.
   */
  private void crashedClaim(Case c) {
    var event = event(c);
    var claimId = claimId(c, event);
    try (var handler = handler(c, "crashed")) {
      var runs = handler.getApplicationContext().getBean(RunRepository.class);
      var now = Instant.now();
      var deadline = now.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
      assertInstanceOf(RunRepository.Start.Claimed.class,
          runs.start(claimId, "crashed invocation", now, deadline));
      var before = capture(c, "crashed", handler);

      assertFalse(attempt(handler, event), c + ": refused while the claim is live");
      var refused = capture(c, "crashed", handler);
      assertEquals(before.items(), refused.items(), c + ": nothing written to the table");
      assertEquals(before.objects(), refused.objects(), c + ": nothing stored in the bucket");
      assertEquals(List.of(), refused.messages(), c + ": no unit message sent");
      assertEquals(List.of(), refused.events(), c + ": no event published");

      // the crashed invocation's deadline passes
      dynamo().updateItem(b -> b.tableName(c.store("crashed"))
          .key(Map.of("PK", AttributeValue.fromS("RUN#" + claimId),
              "SK", AttributeValue.fromS("META")))
          .updateExpression("SET claimedUntil = :passed")
          .expressionAttributeValues(Map.of(":passed", AttributeValue.fromN(
              Long.toString(Instant.now().minusSeconds(1).toEpochMilli())))));
      assertTrue(attempt(handler, event), c + ": taken over once the claim has passed");
      var taken = capture(c, "crashed", handler);

      var claimed = taken.items().stream()
          .filter(i -> ("S:RUN#" + claimId).equals(i.get("PK")) && "S:META".equals(i.get("SK")))
          .toList();
      assertEquals(1, claimed.size(), c + ": the run item");
      assertEquals("S:COMPLETED", claimed.get(0).get("status"), c + ": completed");
      assertFalse(claimed.get(0).containsKey("claimedUntil"), c + ": holds no claim any more");
      assertFalse(taken.itemsOfType("Result").isEmpty(), c + ": results recorded");
      assertFalse(taken.manifestsPerUnit().isEmpty(), c + ": a manifest recorded");
      taken.manifestsPerUnit().forEach((unit, n) -> assertEquals(1, n,
          c + ": manifests of unit " + unit));
      // the run's, or for a unit message the unit's
      assertEquals(List.of(claimId), taken.details(RUN_COMPLETED).stream()
          .map(d -> d.get("runId")).toList(), c + ": one Run Completed");
      System.out.printf("[at-least-once] %s: live claim refused, passed claim taken over%n", c);
    }
  }

  /** The id the delivery claims: the run's, or for an SQS unit message the unit's. */
  @SuppressWarnings("unchecked")
  private static String claimId(Case c, Map<String, Object> event) {
    if (!c.queueHandler) {
      return CollectionTrigger.parse(event).runId();
    }
    var record = ((List<Map<String, Object>>) event.get("Records")).get(0);
    try {
      return UnitMessage.fromMap(JSON.readValue((String) record.get("body"),
          Argument.mapOf(String.class, Object.class))).unitId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DynamoDbClient dynamo() {
    return clients.client(DynamoDbClient.class, DynamoDbClient::builder, Region.of(regionName));
  }

  /** A count of every run item ({@code findingsOpened}, {@code evidenceObjects}), by its key. */
  private static Map<String, Integer> runCounts(StoredState state, String count) {
    var out = new TreeMap<String, Integer>();
    state.itemsOfType("Run").forEach(i -> out.put(i.get("PK"),
        Integer.parseInt(i.get(count).substring(2))));
    return out;
  }

  /**
   * Delivers as Lambda does: true when the delivery was processed, false when it was refused
   * because another invocation holds the claim (the event handler throws
   * {@link RunInProgressException}; the queue handler reports every message of the event as a
   * batch item failure). Any other failure fails the test.
   */
  @SuppressWarnings("unchecked")
  private static boolean attempt(MicronautRequestHandler<Map<String, Object>, ?> handler,
      Map<String, Object> event) {
    Object response;
    try {
      response = handler.handleRequest(event, null);
    } catch (RunInProgressException e) {
      return false;
    }
    if (response instanceof Map<?, ?> batch) {
      var failures = (List<Map<String, Object>>) batch.get("batchItemFailures");
      if (!failures.isEmpty()) {
        var ids = ((List<Map<String, Object>>) event.get("Records")).stream()
            .map(r -> Map.of("itemIdentifier", r.get("messageId"))).toList();
        assertEquals(ids, failures, "a refused unit message fails, and only it");
        return false;
      }
    }
    return true;
  }

  /** The state of the case's store; its ledger must verify (read through {@code handler}). */
  private static StoredState capture(Case c, String copy,
      MicronautRequestHandler<?, ?> handler) {
    var state = StoredState.capture(clients, regionName, c.store(copy), c.store(copy),
        c.fanOut ? fanOutQueues.get(copy) : null, busQueueUrl);
    var report = handler.getApplicationContext().getBean(LedgerVerifier.class).verify();
    assertTrue(report.intact(), c + " " + copy + ": " + report.summary());
    return state;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(Case c) {
    var event = ChangeTriggerTest.sample(c.sample);
    if (c == Case.CLOUDTRAIL_CHANGE) {
      // the sample's group id, as moto names the seeded group
      var detail = (Map<String, Object>) event.get("detail");
      var parameters = new HashMap<>((Map<String, Object>) detail.get("requestParameters"));
      parameters.put("groupId", securityGroupId);
      var d = new HashMap<>(detail);
      d.put("requestParameters", parameters);
      event.put("detail", d);
    }
    return event;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static MicronautRequestHandler<Map<String, Object>, ?> handler(Case c, String copy) {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", endpoint);
    props.put("vigil.aws.region", regionName);
    props.put("vigil.aws.access-key-id", emulator.accessKeyId());
    props.put("vigil.aws.secret-access-key", emulator.secretAccessKey());
    props.put("vigil.table-name", c.store(copy));
    props.put("vigil.evidence-bucket", c.store(copy));
    props.put("vigil.event-bus-name", busName);
    props.put("vigil.collect.service-groups", c.serviceGroups);
    if (c.fanOut) {
      props.put("vigil.fan-out-queue-url", fanOutQueues.get(copy));
    }
    var builder = ApplicationContext.builder().properties(props);
    return c.queueHandler ? (MicronautRequestHandler) new CollectEvidenceQueueHandler(builder)
        : (MicronautRequestHandler) new CollectEvidenceHandler(builder);
  }
}
