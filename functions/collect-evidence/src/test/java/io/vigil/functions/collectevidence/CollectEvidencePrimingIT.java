package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.aws.Priming;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.SdkCallRecorder.Call;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * Issue 10, Deliver 3: the SnapStart warm-ups of both collect-evidence handlers, run against the
 * emulator on a table and an evidence bucket that hold a run's results, findings, ledger and
 * evidence, make only harmless reads of Vigil's own table — every SDK call is a DynamoDB
 * {@code GetItem} on that table: no STS, no read of a collected service — and leave the table and
 * the bucket byte for byte as they were.
 */
@WithAwsEmulator
class CollectEvidencePrimingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String STORE = "it-priming-" + SUFFIX;
  /** What a warm-up may call: the allow-list. */
  private static final Set<Call> ALLOWED = Set.of(new Call("DynamoDb", "GetItem", STORE));

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;

  @BeforeAll
  static void seed(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, Region.of(aws.region()));
    var group = ec2.createSecurityGroup(b -> b.groupName("it-priming-ssh-" + SUFFIX)
        .description("ssh from anywhere")).groupId();
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
    // a real run fills the store: results, a finding and its history, a ledger entry, evidence
    try (var handler = new CollectEvidenceHandler(ApplicationContext.builder()
        .properties(props()))) {
      handler.getApplicationContext().getBean(StorageSetup.class).initialize();
      var event = ChangeTriggerTest.sample("cloudtrail-change-security-group.json");
      @SuppressWarnings("unchecked")
      var detail = (Map<String, Object>) event.get("detail");
      @SuppressWarnings("unchecked")
      var parameters = (Map<String, Object>) detail.get("requestParameters");
      parameters.put("groupId", group);
      var response = handler.handleRequest(event, null);
      assertTrue(response.findingsOpened() > 0, response.toString());
    }
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void eventHandlerPriming_readsOnlyANeverStoredItemOfVigilsTable_andChangesNothing() {
    try (var handler = new CollectEvidenceHandler(ApplicationContext.builder()
        .properties(props()))) {
      assertPrimesHarmlessly(handler, CollectEvidenceHandler::priming);
    }
  }

  @Test
  void queueHandlerPriming_readsOnlyANeverStoredItemOfVigilsTable_andChangesNothing() {
    try (var handler = new CollectEvidenceQueueHandler(ApplicationContext.builder()
        .properties(props()))) {
      assertPrimesHarmlessly(handler, CollectEvidenceQueueHandler::priming);
    }
  }

  @Test
  void theRecorder_seesTheFunctionsOwnClients_writesIncluded() {
    // what makes the assertions above able to fail: a write through the function's client would
    // be recorded and is not on the allow-list
    try (var handler = new CollectEvidenceHandler(ApplicationContext.builder()
        .properties(props()))) {
      var runs = handler.getApplicationContext()
          .getBean(io.vigil.domain.collection.RunRepository.class);
      SdkCallRecorder.start();
      var now = java.time.Instant.now();
      runs.start("it-recorder-" + SUFFIX, "recorder check", now, now.plusSeconds(60));
      var calls = SdkCallRecorder.stop();

      assertTrue(calls.contains(new Call("DynamoDb", "PutItem", STORE)),
          SdkCallRecorder.describe(calls));
      assertFalse(ALLOWED.containsAll(calls));
    }
  }

  private static <H extends MicronautRequestHandler<?, ?>> void assertPrimesHarmlessly(H handler,
      Function<H, Priming> priming) {
    var before = StoredState.capture(clients, emulator.region(), STORE, STORE, null, null);
    assertFalse(before.items().isEmpty(), "the store holds a run");
    assertFalse(before.objects().isEmpty(), "the bucket holds evidence");

    SdkCallRecorder.start();
    boolean primed = priming.apply(handler).prime();
    var calls = SdkCallRecorder.stop();

    assertTrue(primed, "the warm-up succeeds");
    assertFalse(calls.isEmpty(), "the warm-up reads through the function's DynamoDB client");
    assertTrue(ALLOWED.containsAll(calls), "calls outside the allow-list " + ALLOWED + ":\n"
        + SdkCallRecorder.describe(calls));
    assertTrue(calls.stream().noneMatch(c -> c.service().equalsIgnoreCase("Sts")),
        "no STS call (no AssumeRole, no GetCallerIdentity)");
    var after = StoredState.capture(clients, emulator.region(), STORE, STORE, null, null);
    assertEquals(before.items(), after.items(), "table unchanged");
    assertEquals(before.objects(), after.objects(), "bucket unchanged, byte for byte");
  }

  private static Map<String, Object> props() {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", emulator.accessKeyId());
    props.put("vigil.aws.secret-access-key", emulator.secretAccessKey());
    props.put("vigil.table-name", STORE);
    props.put("vigil.evidence-bucket", STORE);
    return props;
  }
}
