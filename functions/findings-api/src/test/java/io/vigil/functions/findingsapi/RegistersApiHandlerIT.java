package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.EmulatedHandler.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.DynamoDbRegisterRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.register.RegisterKind;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The registers and the SoA end to end against the emulator: the real handler with the DynamoDB
 * register store, the S3 evidence vault and the EventBridge bus — a risk from creation to the
 * acceptance of its residual risk, a file attached to an evidence task, the SoA approved and
 * exported, and the daily sweep's notices on the bus.
 */
@WithAwsEmulator
class RegistersApiHandlerIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "registers-it-" + SUFFIX;
  private static final String BUCKET = "registers-it-" + SUFFIX;
  private static final String BUS = "registers-it-" + SUFFIX;

  private static EmulatedHandler handler;
  private static S3Client s3;
  private static SqsClient sqs;
  private static String queueUrl;
  private static DynamoDbRegisterRepository registers;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    handler = new EmulatedHandler(aws, TABLE, Map.of("vigil.evidence-bucket", BUCKET,
        "vigil.event-bus-name", BUS));
    var clients = handler.clients();
    var region = handler.region();
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    new VigilTable(TABLE).createIfAbsent(dynamo);
    s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    new EvidenceBucket(s3, BUCKET).createIfAbsent();
    registers = new DynamoDbRegisterRepository(DynamoDbEnhancedClient.builder()
        .dynamoDbClient(dynamo).build(), TABLE);
    var events = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
    events.createEventBus(b -> b.name(BUS));
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    queueUrl = sqs.createQueue(b -> b.queueName("registers-" + SUFFIX)).queueUrl();
    var queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(b -> b.name("registers-" + SUFFIX).eventBusName(BUS).eventPattern(
        "{\"source\":[\"vigil\"],\"detail-type\":[\"Policy Review Due\",\"Evidence Task Due\"]}"));
    events.putTargets(b -> b.rule("registers-" + SUFFIX).eventBusName(BUS)
        .targets(Target.builder().id("queue").arn(queueArn).build()));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
  }

  private static ApiFixture.Response post(String path, String who, String group, String ifMatch,
      String body) {
    var e = as("POST", path, who, group);
    if (ifMatch != null) {
      e.header("if-match", ifMatch);
    }
    return handler.call(body == null ? e : e.body(body));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(ApiFixture.Response r, String field) {
    return (Map<String, Object>) r.get(field);
  }

  @Test
  void aRiskFromCreationToAcceptanceAndTheSoaApprovedAndExported() {
    var created = post("/registers/risks", "isms", "isms-manager", null, """
        {"title": "Customer data exposed <script>alert(1)</script>", "asset": "Exports bucket",
         "threat": "Internet access", "vulnerability": "Public bucket policy",
         "owner": "cto@acme.test", "likelihood": 4, "impact": 5, "treatment": "MODIFY",
         "controls": ["A.8.3", "A.8.12"]}""").expect(201);
    var id = (String) created.get("id");
    assertEquals("\"1\"", created.etag());
    assertEquals("Critical", map(created, "derived").get("inherentBand"));

    var patched = handler.call(as("PATCH", "/registers/risks/" + id, "isms", "isms-manager")
        .header("if-match", created.etag()).body("{\"residualLikelihood\": 1,"
            + " \"residualImpact\": 4, \"treatmentPlan\": \"Block Public Access everywhere\"}"))
        .expect(200);
    assertEquals("\"2\"", patched.etag());
    assertEquals(true, map(patched, "derived").get("withinAcceptance"));
    handler.call(as("PATCH", "/registers/risks/" + id, "isms", "isms-manager")
        .header("if-match", "\"1\"").body("{\"impact\": 3}")).expect(412);

    post("/registers/risks/" + id + "/approve-treatment", "isms", "isms-manager", "\"2\"", null)
        .expect(403);
    var approved = post("/registers/risks/" + id + "/approve-treatment", "cto", "owner", "\"2\"",
        null).expect(200);
    assertEquals("\"3\"", approved.etag());
    var accepted = post("/registers/risks/" + id + "/accept-residual", "cto", "owner", "\"3\"",
        null).expect(200);
    assertEquals("\"4\"", accepted.etag());
    var acceptance = (Map<?, ?>) map(accepted, "system").get("residualAcceptance");
    assertEquals("cto@acme.test", acceptance.get("by"));
    assertEquals(4L, ((Number) acceptance.get("level")).longValue());
    var history = (List<?>) handler.call(as("GET", "/registers/risks/" + id + "/history",
        "viewer", "viewer")).expect(200).get("items");
    assertEquals(List.of("CREATED", "EDITED", "TREATMENT_APPROVED", "RESIDUAL_ACCEPTED"),
        history.stream().map(h -> ((Map<?, ?>) h).get("kind")).toList());
    assertEquals(4L, registers.find(RegisterKind.RISK, id).orElseThrow().version(),
        "stored in the table");

    post("/soa/approvals", "isms", "isms-manager", null, null).expect(400);
    for (var c : io.vigil.domain.control.AnnexACatalogue.standard().all()) {
      var control = c.id().toString();
      boolean excluded = control.equals("A.7.1") || control.equals("A.7.2");
      post("/registers/soa-decisions", "isms", "isms-manager", null, "{\"id\": \"" + control
          + "\", \"applicable\": " + !excluded + ", \"justification\": \""
          + (excluded ? "No premises & no <office>" : "Needed") + "\"}").expect(201);
    }
    var v1 = post("/soa/approvals", "isms", "isms-manager", null, null).expect(201);
    var sha = (String) v1.get("sha256");
    var stored = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(S3EvidenceVault.key(
        new Sha256(sha)))).asByteArray();
    assertEquals(sha, Sha256.of(stored).hex(), "the approved SoA is in the vault");

    var html = handler.handle(as("GET", "/soa/versions/1", "viewer", "viewer")
        .query("format", "html").toMap());
    assertEquals(200, html.get("statusCode"));
    var page = (String) html.get("body");
    assertTrue(page.contains("No premises &amp; no &lt;office&gt;"), page);
    assertFalse(page.contains("<office>"), page);
    assertTrue(page.contains("91 applicable, 2 excluded"), page);
    assertTrue(page.contains(id), "the risk is linked to its controls");
    var json = (String) handler.handle(as("GET", "/soa/versions/1", "viewer", "viewer")
        .toMap()).get("body");
    assertEquals(sha, Sha256.of(json.getBytes(StandardCharsets.UTF_8)).hex());
    var csv = (String) handler.handle(as("GET", "/soa", "viewer", "viewer")
        .query("format", "csv").toMap()).get("body");
    assertEquals(94, csv.split("\r\n").length);

    var etag = handler.call(as("GET", "/registers/soa-decisions/A.7.1", "viewer", "viewer"))
        .expect(200).etag();
    handler.call(as("PATCH", "/registers/soa-decisions/A.7.1", "isms", "isms-manager")
        .header("if-match", etag).body("{\"applicable\": true, \"justification\": \"Office\"}"))
        .expect(200);
    var v2 = post("/soa/approvals", "isms", "isms-manager", null, null).expect(201);
    assertNotEquals(sha, v2.get("sha256"));
    assertEquals(json, handler.handle(as("GET", "/soa/versions/1", "viewer", "viewer").toMap())
        .get("body"), "version 1 unchanged");
    var versions = (List<?>) handler.call(as("GET", "/soa/versions", "viewer", "viewer"))
        .expect(200).get("items");
    assertEquals(2, versions.size());
    assertEquals(sha, ((Map<?, ?>) versions.get(0)).get("sha256"));
  }

  @Test
  void aFileIsStoredInTheBucketAndTheSweepAnnouncesWhatIsDue() throws Exception {
    var today = LocalDate.now(ZoneOffset.UTC);
    var task = post("/registers/evidence-tasks", "isms", "isms-manager", null, """
        {"controls": ["A.6.3"], "title": "Training report", "owner": "ops@acme.test",
         "frequencyMonths": 6, "nextDue": "%s"}""".formatted(today.plusDays(10))).expect(201);
    var taskId = (String) task.get("id");
    var policy = (String) post("/registers/policies", "isms", "isms-manager", null, """
        {"title": "Access control policy", "owner": "ciso@acme.test", "approvedOn": "%s",
         "reviewIntervalMonths": 12}""".formatted(today.minusMonths(12).minusDays(1)))
        .expect(201).get("id");

    @SuppressWarnings("unchecked")
    var sweep = (Map<String, Object>) JsonText.parse(Files.readString(
        SampleEventsTest.DIR.resolve("overdue-sweep.json")));
    var first = handler.handle(sweep);
    var second = handler.handle(sweep);

    assertEquals(1L, ((Number) first.get("policyReviewsDue")).longValue(), first.toString());
    assertEquals(1L, ((Number) first.get("evidenceTasksDue")).longValue(), first.toString());
    assertEquals(List.of("policy-review:" + policy + ":" + today,
        "evidence-task:" + taskId + ":" + today), first.get("notices"));
    assertEquals(List.of(), second.get("notices"), "once per day: " + second);
    var bodies = new ArrayList<String>();
    for (int i = 0; i < 10 && !(bodies.stream().anyMatch(s -> s.contains(policy))
        && bodies.stream().anyMatch(s -> s.contains(taskId))); i++) {
      sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
          .messages().forEach(m -> bodies.add(m.body()));
    }
    assertTrue(bodies.stream().anyMatch(s -> s.contains(policy)
        && s.contains("Policy Review Due")), bodies.toString());
    assertTrue(bodies.stream().anyMatch(s -> s.contains(taskId)
        && s.contains("Evidence Task Due")), bodies.toString());

    var content = "%PDF-1.7 awareness report".getBytes(StandardCharsets.UTF_8);
    var attached = post("/registers/evidence-tasks/" + taskId + "/attachments", "ops", "owner",
        task.etag(), "{\"fileName\": \"report.pdf\", \"mediaType\": \"application/pdf\","
            + " \"contentBase64\": \"" + Base64.getEncoder().encodeToString(content) + "\"}")
        .expect(200);
    assertEquals(today.plusDays(10).plusMonths(6).toString(), map(attached, "fields")
        .get("nextDue"));
    var entry = (Map<?, ?>) ((List<?>) map(attached, "system").get("attachments")).get(0);
    var document = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(S3EvidenceVault.key(
        new Sha256((String) entry.get("evidenceSha256"))))).asByteArray();
    var stored = (Map<?, ?>) JsonReader.read(document);
    assertEquals(Base64.getEncoder().encodeToString(content), stored.get("contentBase64"));
    assertEquals(taskId, stored.get("taskId"));
    post("/registers/evidence-tasks/" + taskId + "/attachments", "ops", "owner", task.etag(),
        "{\"reference\": \"again\"}").expect(412);
  }

  @Test
  void errorsComeBackAsProblemsAndWriteNothing() {
    var scope = post("/registers/scope", "isms", "isms-manager", null,
        "{\"description\": \"Acme on AWS\", \"regions\": [\"eu-west-1\"]}").expect(201);
    assertEquals("isms", scope.get("id"));
    assertEquals("id", post("/registers/scope", "isms", "isms-manager", null,
        "{\"description\": \"Again\"}").expect(409).get("field"));
    assertEquals("regions[0]", post("/registers/scope", "isms", "isms-manager", null,
        "{\"description\": \"d\", \"regions\": [\"Ireland\"]}").expect(400).get("field"),
        "checked before the duplicate");
    assertEquals("regions", post("/registers/issues", "isms", "isms-manager", null,
        "{\"title\": \"t\", \"type\": \"INTERNAL\", \"regions\": [\"x\"]}").expect(400)
        .get("field"), "a field the register does not have");
    post("/registers/risks", "viewer", "viewer", null, "{}").expect(403);
    handler.call(as("GET", "/registers/nothing", "viewer", "viewer")).expect(404);
    handler.call(HttpApiEvent.request("GET", "/registers/risks")).expect(401);
    assertEquals(1L, registers.find(RegisterKind.SCOPE, "isms").orElseThrow().version());
  }
}
