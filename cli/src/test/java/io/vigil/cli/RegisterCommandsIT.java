package io.vigil.cli;

import static io.vigil.cli.CliRunner.ok;
import static io.vigil.cli.CliRunner.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.evidence.Sha256;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register, risk, evidence-task and SoA commands against the test emulator, as the ISMS
 * manager, a risk owner and a viewer would use them: the sample organisation's files, a risk from
 * creation to the acceptance of its residual risk, evidence attached, the SoA approved and
 * exported.
 */
@WithAwsEmulator
class RegisterCommandsIT {

  private static final Map<String, String> MANAGER = Map.of("VIGIL_ACTOR", "isms@acme.test",
      "VIGIL_ROLE", "isms-manager");
  private static final Map<String, String> CTO = Map.of("VIGIL_ACTOR", "cto@acme.test",
      "VIGIL_ROLE", "owner");
  private static final Map<String, String> VIEWER = Map.of("VIGIL_ACTOR", "viewer@acme.test",
      "VIGIL_ROLE", "viewer");
  private static final Path SAMPLES = Path.of("..", "events", "registers");

  private List<String> storage;

  private CliRunner.Run run(Map<String, String> env, String... command) {
    var all = new ArrayList<>(List.of(command));
    all.addAll(storage);
    return CliRunner.run(env, all.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRegistersFromScopeToAnApprovedAndExportedSoa(AwsEmulator aws, @TempDir Path dir)
      throws Exception {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    storage = List.of("--endpoint-url", aws.endpoint(), "--region", aws.region(), "--table",
        "registers-cli-" + suffix, "--bucket", "registers-cli-" + suffix);
    assertEquals(0, run(Map.of(), "init").exitCode());

    var kinds = run(VIEWER, "registers", "kinds");
    assertEquals(0, kinds.exitCode(), kinds.err());
    assertTrue(kinds.out().contains("risks                6.1.2    Risk register and treatment"
        + " (ids R-...)"), kinds.out());
    assertTrue(kinds.out().contains("treatment"), kinds.out());

    var scope = ok(run(MANAGER, "registers", "create", "scope", "--file",
        SAMPLES.resolve("scope.json").toString()));
    assertEquals("isms", scope.get("id"));
    refused(run(MANAGER, "registers", "create", "scope", "--file",
        SAMPLES.resolve("scope.json").toString()), 409);

    // a risk, field by field
    var riskArgs = List.of("registers", "create", "risks", "--set", "title=Ransomware <b>hits</b>",
        "--set", "asset=Customer database", "--set", "threat=Ransomware", "--set",
        "vulnerability=Backups in the same account", "--set", "owner=cto@acme.test", "--set",
        "likelihood=4", "--set", "impact=5", "--set", "treatment=MODIFY", "--set",
        "controls=[\"A.8.13\",\"A.8.24\"]");
    refused(run(VIEWER, riskArgs.toArray(String[]::new)), 403);
    var createRun = run(MANAGER, riskArgs.toArray(String[]::new));
    var risk = ok(createRun);
    var id = (String) risk.get("id");
    assertTrue(createRun.err().contains("vigil: created risks " + id + " (version 1): level 20"
        + " Critical, above the acceptance threshold"), createRun.err());
    assertEquals("likelihood", refused(run(MANAGER, "registers", "create", "risks", "--set",
        "title=t", "--set", "asset=a", "--set", "threat=t", "--set", "vulnerability=v",
        "--set", "owner=o", "--set", "likelihood=9", "--set", "impact=1"), 400).get("field"));

    var updateRun = run(MANAGER, "registers", "update", "risks", id, "--set",
        "residualLikelihood=1", "--set", "residualImpact=4", "--set",
        "treatmentPlan=Cross-account backups with Vault Lock");
    var updated = ok(updateRun);
    assertEquals(2L, ((Number) updated.get("version")).longValue());
    assertTrue(updateRun.err().contains("residual 4 Low, within the acceptance threshold"),
        updateRun.err());
    refused(run(MANAGER, "registers", "update", "risks", id, "--set", "impact=3",
        "--if-match", "1"), 412);

    refused(run(MANAGER, "risks", "approve-treatment", id), 403);
    var approveRun = run(CTO, "risks", "approve-treatment", id);
    ok(approveRun);
    assertTrue(approveRun.err().contains("treatment approved"), approveRun.err());
    var accepted = ok(run(CTO, "risks", "accept-residual", id));
    assertEquals("cto@acme.test", ((Map<?, ?>) map(accepted, "system")
        .get("residualAcceptance")).get("by"));
    var history = ok(run(VIEWER, "registers", "show", "risks", id, "--history"));
    assertEquals(List.of("CREATED", "EDITED", "TREATMENT_APPROVED", "RESIDUAL_ACCEPTED"),
        ((List<Map<String, Object>>) history.get("items")).stream().map(e -> e.get("kind"))
            .toList());
    var listed = run(VIEWER, "registers", "list", "risks");
    assertEquals(1, ((List<?>) ok(listed).get("items")).size());
    assertTrue(listed.err().contains("vigil: 1 risks record(s)"), listed.err());

    // an evidence task with a file and a reference
    var task = ok(run(MANAGER, "registers", "create", "evidence-tasks", "--file",
        SAMPLES.resolve("evidence-tasks.json").toString()));
    var taskId = (String) task.get("id");
    var pdf = dir.resolve("training-report.pdf");
    Files.write(pdf, "%PDF-1.7 completion report".getBytes(StandardCharsets.UTF_8));
    var attachRun = run(Map.of("VIGIL_ACTOR", "carol@acme.example", "VIGIL_ROLE", "owner"),
        "evidence-tasks", "attach", taskId, "--file", pdf.toString(), "--note", "H2 2026");
    var attached = ok(attachRun);
    var entry = (Map<?, ?>) ((List<?>) map(attached, "system").get("attachments")).get(0);
    assertEquals("training-report.pdf", entry.get("fileName"));
    assertEquals(Sha256.of(Files.readAllBytes(pdf)).hex(), entry.get("contentSha256"));
    assertTrue(attachRun.err().contains("attached file training-report.pdf as sha256 "
        + entry.get("evidenceSha256")), attachRun.err());
    ok(run(MANAGER, "evidence-tasks", "attach", taskId, "--reference", "LMS export 2026-H2"));
    refused(run(VIEWER, "evidence-tasks", "attach", taskId, "--reference", "x"), 403);

    // the SoA: refused until every control has a justified decision
    assertEquals("justification", refused(run(MANAGER, "registers", "create", "soa-decisions",
        "--id", "A.7.1", "--set", "applicable=false"), 400).get("field"));
    assertEquals("justification", refused(run(MANAGER, "soa", "approve"), 400).get("field"));
    var importRun = run(MANAGER, "registers", "create", "soa-decisions", "--file",
        SAMPLES.resolve("soa-decisions.json").toString());
    assertEquals(93, ((List<?>) ok(importRun).get("items")).size());
    assertTrue(importRun.err().contains("created 93 soa-decisions record(s)"), importRun.err());
    ok(run(MANAGER, "registers", "update", "soa-decisions", "A.5.1", "--set",
        "justification=Policies <b>direct</b> the ISMS & its controls"));

    var show = run(VIEWER, "soa", "show");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("93 controls: 91 applicable, 2 excluded, 1 implemented"),
        show.out());
    assertTrue(show.out().contains("\nA.7.1   no   NOT_APPLICABLE"), show.out());
    assertTrue(show.out().contains("A.6.3   yes  IMPLEMENTED           manual evidence tasks"),
        show.out());
    assertTrue(show.out().lines().filter(l -> l.matches("A\\.[5-8]\\.\\d+ .*")).count() == 93,
        show.out());

    var approveSoa = run(MANAGER, "soa", "approve");
    var v1 = ok(approveSoa);
    var sha = (String) v1.get("sha256");
    assertTrue(approveSoa.err().contains("approved the SoA as version 1 (sha256 " + sha + ")"),
        approveSoa.err());
    var json = dir.resolve("out").resolve("soa-v1.json");
    var export = run(VIEWER, "soa", "export", "--format", "json", "--version", "1", "--output",
        json.toString());
    assertEquals(0, export.exitCode(), export.err());
    assertEquals("", export.out());
    assertEquals(sha, Sha256.of(Files.readAllBytes(json)).hex(),
        "the exported JSON is exactly what was approved");
    var html = run(VIEWER, "soa", "export", "--format", "html", "--version", "1");
    assertEquals(0, html.exitCode(), html.err());
    assertTrue(html.out().contains("Policies &lt;b&gt;direct&lt;/b&gt; the ISMS &amp; its"
        + " controls"), html.out());
    assertFalse(html.out().contains("<b>direct"), html.out());
    assertTrue(html.out().contains("version 1, approved by isms@acme.test"), html.out());
    var csv = run(VIEWER, "soa", "export", "--format", "csv");
    assertEquals(94, csv.out().split("\r\n").length, csv.out());
    var versions = ok(run(VIEWER, "soa", "versions"));
    assertEquals(sha, ((Map<?, ?>) ((List<?>) versions.get("items")).get(0)).get("sha256"));
    refused(run(VIEWER, "soa", "export", "--format", "json", "--version", "2"), 404);
  }
}
