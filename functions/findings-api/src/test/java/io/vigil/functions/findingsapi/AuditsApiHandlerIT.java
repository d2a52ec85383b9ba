package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.EmulatedHandler.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Audit records end to end against the emulator: a plan stored by the repository, check results
 * stored by the collection's repository, and the real handler walking an audit from start to its
 * stored report, the finding it raised in the findings workflow.
 */
@WithAwsEmulator
class AuditsApiHandlerIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "audits-it-" + SUFFIX;
  private static final String BUCKET = "audits-it-" + SUFFIX;
  private static final String ACCOUNT = "111122223333";

  private static EmulatedHandler handler;
  private static S3Client s3;
  private static DynamoDbAuditRepository audits;
  private static DynamoDbResultRepository results;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    handler = new EmulatedHandler(aws, TABLE, Map.of("vigil.evidence-bucket", BUCKET));
    var clients = handler.clients();
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, handler.region());
    new VigilTable(TABLE).createIfAbsent(dynamo);
    s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        handler.region());
    new EvidenceBucket(s3, BUCKET).createIfAbsent();
    var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    audits = new DynamoDbAuditRepository(enhanced, TABLE);
    results = new DynamoDbResultRepository(enhanced, TABLE);
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
  }

  private static ApiFixture.Response conclude(String id, String item, String etag, String body) {
    return handler.call(as("PUT", "/audits/" + id + "/conclusions/" + item, "carol", "auditor")
        .header("if-match", etag).body(body));
  }

  /** Saves a plan with one audit of today, by Carol, of {@code items}; returns its id. */
  private static String planned(String name, List<String> items) {
    var id = "AUD-" + name + "-" + SUFFIX;
    audits.savePlan(new AuditPlan(LocalDate.now(ZoneOffset.UTC).minusMonths(1),
        LocalDate.now(ZoneOffset.UTC).plusMonths(11), List.of(new AuditPlan.PlannedAudit(id,
            LocalDate.now(ZoneOffset.UTC), "carol", "carol@acme.test", items,
            "ISO/IEC 27001:2022 " + String.join(", ", items), "Production AWS organisation",
            "Interviews and Vigil's check results")), List.of()));
    return id;
  }

  private static CheckResult result(String run, String check, String volume, CheckStatus status,
      Instant at) {
    var arn = "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":volume/" + volume + "-" + SUFFIX;
    return new CheckResult(run, CheckId.of(check), status, ACCOUNT, "eu-west-1", arn,
        "AWS::EC2::Volume", List.of(ControlId.parse("A.8.24")), Severity.MEDIUM, at,
        Sha256.of(arn + status + at), status == CheckStatus.FAIL ? "not encrypted" : "ok");
  }

  private static List<Long> counts(Map<?, ?> check) {
    return List.of("passed", "failed", "errors", "notApplicable").stream()
        .map(k -> ((Number) check.get(k)).longValue()).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAuditFromStartToItsStoredReport() throws Exception {
    var id = planned("walk", List.of("9.2", "A.8.24", "A.8.5"));
    var now = Instant.now();
    var earlier = now.minus(Duration.ofDays(2));
    var yesterday = now.minus(Duration.ofDays(1));
    // two runs: the later one is the latest of v1 (FAIL → PASS) and adds v3; v2 is seen once
    results.saveAll(List.of(
        result("run-1-" + SUFFIX, "ec2_ebs_volume_encrypted", "v1", CheckStatus.FAIL, earlier),
        result("run-1-" + SUFFIX, "ec2_ebs_volume_encrypted", "v2", CheckStatus.FAIL, earlier)));
    results.saveAll(List.of(
        result("run-2-" + SUFFIX, "ec2_ebs_volume_encrypted", "v1", CheckStatus.PASS, yesterday),
        result("run-2-" + SUFFIX, "ec2_ebs_volume_encrypted", "v3", CheckStatus.ERROR,
            yesterday),
        // before the evidence period (31 days before the start): no longer seen, left out
        result("run-0-" + SUFFIX, "ec2_ebs_snapshot_encrypted", "s1", CheckStatus.FAIL,
            now.minus(Duration.ofDays(60)))));

    var planned = handler.call(as("GET", "/audits/" + id, "viewer", "viewer")).expect(200);
    assertEquals("\"1\"", planned.etag());
    var started = handler.call(as("POST", "/audits/" + id + "/start", "carol", "auditor")
        .header("if-match", planned.etag())).expect(200);
    assertEquals("IN_PROGRESS", started.get("status"));

    var major = conclude(id, "A.8.24", started.etag(), """
        {"conclusion": "MAJOR_NONCONFORMITY",
         "notes": "Unencrypted volume tagged <script>alert(1)</script> in production",
         "evidence": ["Crypto policy v3 section 4"], "owner": "owner@acme.test",
         "dueDate": "2099-01-31"}""").expect(200);
    var conclusion = ((List<Map<String, Object>>) major.get("conclusions")).get(0);
    var automated = (List<Map<String, Object>>) conclusion.get("automated");
    assertEquals(1, automated.size(), automated.toString());
    var volumes = automated.get(0);
    assertEquals("ec2_ebs_volume_encrypted", volumes.get("checkId"));
    assertEquals(List.of(1L, 1L, 1L, 0L), counts(volumes), "the latest of v1, v2 and v3");
    var failing = (List<Map<String, Object>>) volumes.get("failing");
    assertEquals(1, failing.size());
    assertTrue(((String) failing.get(0).get("resourceArn")).endsWith("volume/v2-" + SUFFIX));
    assertEquals(Sha256.of(((String) failing.get(0).get("resourceArn")) + "FAIL" + earlier)
        .hex(), failing.get(0).get("evidenceSha256"));

    var findingId = (String) conclusion.get("findingId");
    var finding = handler.call(as("GET", "/findings/" + findingId, "viewer", "viewer")).expect(200);
    assertEquals("INTERNAL_AUDIT", finding.get("source"));
    assertEquals("MAJOR_NONCONFORMITY", finding.get("type"));
    assertEquals(id, finding.get("auditId"));
    assertEquals(List.of("A.8.24"), finding.get("controls"));
    assertEquals("OPEN", finding.get("status"));

    var etag = conclude(id, "9.2", major.etag(), "{\"conclusion\": \"CONFORMING\"}")
        .expect(200).etag();
    etag = conclude(id, "A.8.5", etag, """
        {"conclusion": "OPPORTUNITY_FOR_IMPROVEMENT",
         "notes": "Hardware keys for administrators would resist phishing"}""").expect(200)
        .etag();
    var done = handler.call(as("POST", "/audits/" + id + "/complete", "carol", "auditor")
        .header("if-match", etag).body("{\"summary\": \"One major nonconformity\"}"))
        .expect(200);

    assertEquals("COMPLETED", done.get("status"));
    var sha = (String) done.get("reportSha256");
    assertNotNull(sha);
    var stored = s3.getObjectAsBytes(r -> r.bucket(BUCKET)
        .key(S3EvidenceVault.key(new Sha256(sha)))).asByteArray();
    assertEquals(sha, Sha256.of(stored).hex(), "the object is stored under its SHA-256");
    var document = new String(stored, StandardCharsets.UTF_8);
    assertTrue(document.contains("\"auditId\":\"" + id + "\""), document);
    assertEquals(done.body(), handler.call(as("GET", "/audits/" + id, "viewer", "viewer"))
        .expect(200)
        .body(), "the stored record is what complete answered");

    var report = handler.handle(as("GET", "/audits/" + id + "/report", "viewer", "viewer")
        .toMap());
    assertEquals(200, report.get("statusCode"));
    assertEquals(AuditsApi.HTML, ((Map<?, ?>) report.get("headers")).get("content-type"));
    var page = (String) report.get("body");
    assertTrue(page.contains("tagged &lt;script&gt;alert(1)&lt;/script&gt; in production"), page);
    assertFalse(page.contains("<script>"), page);
    assertTrue(page.contains(findingId), page);

    var listed = handler.call(as("GET", "/audits", "viewer", "viewer").query("status", "COMPLETED"))
        .expect(200);
    assertTrue(((List<Map<String, Object>>) listed.get("items")).stream()
        .anyMatch(a -> id.equals(a.get("id"))), listed.body().toString());
  }

  @Test
  void twoConclusionsOnTheSameVersion_oneIsRecordedTheOtherGets412() throws Exception {
    var id = planned("race", List.of("9.2", "A.5.1"));
    var etag = handler.call(as("POST", "/audits/" + id + "/start", "carol", "auditor")
        .header("if-match", "\"1\"")).expect(200).etag();
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> {
        start.await();
        return conclude(id, "9.2", etag, "{\"conclusion\": \"CONFORMING\"}").status();
      });
      var b = pool.submit(() -> {
        start.await();
        return conclude(id, "A.5.1", etag, "{\"conclusion\": \"CONFORMING\"}").status();
      });
      start.countDown();
      var statuses = new ArrayList<>(List.of(a.get(60, TimeUnit.SECONDS),
          b.get(60, TimeUnit.SECONDS)));
      statuses.sort(null);
      assertEquals(List.of(200, 412), statuses);
    } finally {
      pool.shutdownNow();
    }
    var audit = handler.call(as("GET", "/audits/" + id, "viewer", "viewer")).expect(200);
    assertEquals(1, ((List<?>) audit.get("conclusions")).size(), "no lost update");
    assertEquals("\"3\"", audit.etag());
  }

  @Test
  void errorsComeBackAsProblemsAndWriteNothing() {
    var id = planned("errors", List.of("9.2"));
    assertEquals("PLANNED", conclude(id, "9.2", "\"1\"", "{\"conclusion\": \"CONFORMING\"}")
        .expect(409).get("auditStatus"));
    handler.call(as("POST", "/audits/" + id + "/start", "dave", "auditor")
        .header("if-match", "\"1\""))
        .expect(403);
    handler.call(as("POST", "/audits/" + id + "/start", "carol", "auditor")
        .header("if-match", "\"0\""))
        .expect(412);
    handler.call(as("GET", "/audits/AUD-none-" + SUFFIX, "viewer", "viewer")).expect(404);
    handler.call(HttpApiEvent.request("GET", "/audits")).expect(401);
    assertEquals(1L, audits.record(id).orElseThrow().version());
  }
}
