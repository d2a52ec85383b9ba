package io.vigil.cli;

import static io.vigil.cli.CliRunner.ok;
import static io.vigil.cli.CliRunner.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.evidence.Sha256;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An audit of the stored programme from start to its report with {@code vigil audits}, against
 * the test emulator: the plan is stored as schedule-audits stores it ({@code vigil audits plan}
 * only previews), then the auditor starts, concludes, completes and reports through the CLI.
 */
@WithAwsEmulator
class AuditRecordCommandsIT {

  private static final Map<String, String> CAROL = Map.of("VIGIL_ACTOR", "carol@acme.test",
      "VIGIL_ROLE", "auditor");
  private static final List<String> VIEWER = List.of("--as", "viewer@acme.test", "--role",
      "viewer");

  private static String[] args(List<String> storage, String... command) {
    var all = new ArrayList<>(List.of(command));
    all.addAll(storage);
    return all.toArray(String[]::new);
  }

  private static String[] args(List<String> storage, List<String> extra, String... command) {
    var all = new ArrayList<>(List.of(command));
    all.addAll(extra);
    all.addAll(storage);
    return all.toArray(String[]::new);
  }

  /** Stores the programme's plan: one audit of today by Carol, one in February to cancel. */
  private static void storePlan(AwsEmulator aws, String table, String id, String later) {
    var today = LocalDate.now(ZoneOffset.UTC);
    try (var clients = new AwsClientFactory(
        AwsSettings.emulator(aws.endpoint(), aws.region()))) {
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
          Region.of(aws.region()));
      new DynamoDbAuditRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo)
          .build(), table).savePlan(new AuditPlan(today, today.plusMonths(12), List.of(
              new AuditPlan.PlannedAudit(id, today, "carol", "carol@acme.test",
                  List.of("9.2", "A.8.24"), "ISO/IEC 27001:2022 9.2, A.8.24",
                  "Production AWS organisation", "Interviews, records, Vigil's check results"),
              new AuditPlan.PlannedAudit(later, today.plusMonths(2), "carol", "carol@acme.test",
                  List.of("A.5.15"), "A.5.15", "Production", "Interviews")), List.of()));
    }
  }

  private static byte[] stored(AwsEmulator aws, String bucket, String sha) {
    try (var clients = new AwsClientFactory(
        AwsSettings.emulator(aws.endpoint(), aws.region()))) {
      var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
          Region.of(aws.region()));
      return s3.getObjectAsBytes(r -> r.bucket(bucket)
          .key(S3EvidenceVault.key(new Sha256(sha)))).asByteArray();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAuditFromThePlanToItsReport(AwsEmulator aws, @TempDir Path dir) throws Exception {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var table = "audits-cli-" + suffix;
    var bucket = "audits-cli-" + suffix;
    var s = List.of("--endpoint-url", aws.endpoint(), "--region", aws.region(), "--table",
        table, "--bucket", bucket);
    assertEquals(0, CliRunner.run(Map.of(), args(s, "init")).exitCode());
    var id = "AUD-cli-" + suffix;
    var later = "AUD-cli-later-" + suffix;
    storePlan(aws, table, id, later);

    var listRun = CliRunner.run(Map.of(), args(s, VIEWER, "audits", "list", "--status",
        "planned"));
    var listed = ok(listRun);
    assertEquals(List.of(id, later), ((List<Map<String, Object>>) listed.get("items")).stream()
        .map(a -> a.get("id")).toList());
    assertTrue(listRun.err().contains("vigil: 2 audit(s)"), listRun.err());

    var early = refused(CliRunner.run(CAROL, args(s, "audits", "conclude", id, "--item", "9.2",
        "--conclusion", "CONFORMING")), 409);
    assertEquals("PLANNED", early.get("auditStatus"));
    refused(CliRunner.run(Map.of(), args(s, List.of("--as", "dave@acme.test", "--role",
        "auditor"), "audits", "start", id)), 403);

    var startRun = CliRunner.run(CAROL, args(s, "audits", "start", id));
    var started = ok(startRun);
    assertEquals("IN_PROGRESS", started.get("status"));
    assertTrue(startRun.err().contains("vigil: audit " + id + ": IN_PROGRESS (version 2), 2"
        + " item(s) to conclude: 9.2, A.8.24"), startRun.err());
    refused(CliRunner.run(CAROL, args(s, "audits", "conclude", id, "--item", "9.2",
        "--conclusion", "CONFORMING", "--if-match", "1")), 412);
    assertEquals("item", refused(CliRunner.run(CAROL, args(s, "audits", "conclude", id,
        "--item", "A.5.15", "--conclusion", "CONFORMING")), 400).get("field"));

    var majorRun = CliRunner.run(CAROL, args(s, "audits", "conclude", id, "--item", "A.8.24",
        "--conclusion", "major_nonconformity", "--notes",
        "Volume <script>alert(1)</script> is unencrypted", "--evidence", "Crypto policy v3",
        "--evidence", "Interview with the platform lead", "--owner", "owner@acme.test", "--due",
        "2099-01-31"));
    var major = ok(majorRun);
    var conclusion = ((List<Map<String, Object>>) major.get("conclusions")).get(0);
    var findingId = (String) conclusion.get("findingId");
    assertNotNull(findingId, major.toString());
    assertEquals(List.of("Crypto policy v3", "Interview with the platform lead"),
        conclusion.get("evidence"));
    assertTrue(majorRun.err().contains("A.8.24 raised finding " + findingId), majorRun.err());
    var finding = ok(CliRunner.run(Map.of(), args(s, VIEWER, "findings", "show", findingId)));
    assertEquals("INTERNAL_AUDIT", finding.get("source"));
    assertEquals(id, finding.get("auditId"));
    assertEquals("2099-01-31", finding.get("dueDate"));

    ok(CliRunner.run(CAROL, args(s, "audits", "conclude", id, "--item", "9.2", "--conclusion",
        "CONFORMING", "--notes", "Programme approved and followed")));
    var completeRun = CliRunner.run(CAROL, args(s, "audits", "complete", id, "--summary",
        "One major nonconformity on A.8.24"));
    var completed = ok(completeRun);
    assertEquals("COMPLETED", completed.get("status"));
    var sha = (String) completed.get("reportSha256");
    assertNotNull(sha, completed.toString());
    assertTrue(completeRun.err().contains("report stored as sha256 " + sha), completeRun.err());
    assertEquals(sha, Sha256.of(stored(aws, bucket, sha)).hex());
    // a repeated complete answers the same audit
    assertEquals(completed, ok(CliRunner.run(CAROL, args(s, "audits", "complete", id,
        "--summary", "One major nonconformity on A.8.24"))));
    assertEquals(completed, ok(CliRunner.run(Map.of(), args(s, VIEWER, "audits", "show", id))));

    var md = CliRunner.run(Map.of(), args(s, VIEWER, "audits", "report", id, "--format", "md"));
    assertEquals(0, md.exitCode(), md.err());
    assertTrue(md.out().startsWith("# Internal audit report AUD\\-cli\\-"), md.out());
    assertTrue(md.out().contains("Volume \\<script\\>alert\\(1\\)\\</script\\> is unencrypted"),
        md.out());
    var file = dir.resolve("reports/audit.html");
    var html = CliRunner.run(Map.of(), args(s, VIEWER, "audits", "report", id, "--output",
        file.toString()));
    assertEquals(0, html.exitCode(), html.err());
    assertEquals("", html.out());
    assertTrue(html.err().contains("wrote the html report of audit " + id + " to " + file),
        html.err());
    var page = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(page.contains("Volume &lt;script&gt;alert(1)&lt;/script&gt; is unencrypted"),
        page);
    assertFalse(page.contains("<script>"), page);
    var document = ok(CliRunner.run(Map.of(), args(s, VIEWER, "audits", "report", id,
        "--format", "json")));
    assertEquals("vigil.audit-report", document.get("kind"));
    assertFalse(document.containsKey("html"));

    refused(CliRunner.run(Map.of(), args(s, VIEWER, "audits", "report", "AUD-none-" + suffix)),
        404);
    refused(CliRunner.run(CAROL, args(s, "audits", "cancel", later, "--reason", "r")), 403);
    var cancelled = ok(CliRunner.run(Map.of(), args(s, List.of("--as", "isms@acme.test",
        "--role", "isms-manager"), "audits", "cancel", later, "--reason",
        "Merged into the next audit")));
    assertEquals("CANCELLED", cancelled.get("status"));
    assertEquals("Merged into the next audit", cancelled.get("cancelReason"));
    assertEquals("CANCELLED", refused(CliRunner.run(CAROL, args(s, "audits", "start",
        later)), 409).get("auditStatus"));
  }
}
