package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditItem;
import io.vigil.domain.audit.AuditPlanner;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code vigil audits plan} and the demo's programme end to end. */
class AuditsPlanTest {

  private static final LocalDate FROM = LocalDate.parse("2027-01-01");

  @Test
  void planCoversEveryItemOrListsItUnassigned() throws Exception {
    var configFile = Samples.programme("programme.json");
    var run = CliRunner.run(Map.of(), "audits", "plan", "--config", configFile.toString(),
        "--from", FROM.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("without risk inputs"), run.err());
    var plan = AuditPlanFile.parse(run.out());
    assertEquals(FROM, plan.from());
    var config = io.vigil.functions.scheduleaudits.ProgrammeConfigJson.read(configFile);
    var covered = new HashSet<String>();
    for (var a : plan.audits()) {
      assertFalse(a.items().isEmpty(), a.id());
      assertTrue(a.items().size() <= config.auditSize(), a.id());
      assertFalse(a.date().isBefore(plan.from()) || a.date().isAfter(plan.to()), a.id());
      for (var item : a.items()) {
        assertFalse(a.auditor().equals(config.owners().get(item)),
            a.auditor() + " audits " + item + " which they own");
      }
      assertTrue(a.auditorEmail() != null, "the plan carries the auditor's e-mail");
      covered.addAll(a.items());
    }
    plan.unassigned().forEach(u -> {
      assertFalse(u.reason().isBlank(), u.item());
      covered.add(u.item());
    });
    for (var item : AuditUniverse.of(config.notApplicable())) {
      assertTrue(covered.contains(item.id()), item.id() + " is neither planned nor unassigned");
    }
    assertFalse(covered.contains("A.7.1"), "not applicable controls are not planned");

    var table = CliRunner.run(Map.of(), "audits", "plan", "--config", configFile.toString(),
        "--from", FROM.toString(), "--format", "table");
    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().startsWith("Audit programme 2027-01-01 to "), table.out());
  }

  @Test
  void theDemoPrintsTheNextAuditsOfItsSampleOrganisation() {
    var text = new StringWriter();
    var findings = List.of(finding("F-1", FindingType.MAJOR_NONCONFORMITY, "8.24"));
    AuditsDemo.printNextAudits(new PrintWriter(text, true), findings, FROM);
    var out = text.toString();
    assertTrue(out.contains(AuditsDemo.HEADING), out);
    assertEquals(3, out.lines().filter(l -> l.matches("  \\d{4}-\\d\\d-\\d\\d  .*")).count(),
        out);
    assertTrue(out.contains("audits planned to"), out);
  }

  @Test
  void theSampleOrganisationHasAuditorsWhoMayNotAuditWhatTheyOwn() {
    var config = AuditsDemo.sampleProgramme(FROM);
    assertEquals(12, config.cycleMonths());
    assertEquals(6, config.auditSize());
    assertTrue(config.auditors().size() >= 3 && config.auditors().size() <= 4);
    var ids = AuditUniverse.of(java.util.Set.of()).stream().map(AuditItem::id).toList();
    assertTrue(ids.containsAll(config.owners().keySet()), "owners name universe items");
    assertTrue(ids.containsAll(config.notApplicable()));
    assertEquals(2, config.notApplicable().size());
  }

  @Test
  void risksCountFailingEvidenceAndNonconformitiesPerItem() {
    var risks = risks(List.of(
        finding("F-1", FindingType.MAJOR_NONCONFORMITY, "8.24"),
        finding("F-2", FindingType.MINOR_NONCONFORMITY, "8.24"),
        finding("F-3", FindingType.OBSERVATION, "5.15")));
    var crypto = risks.get("A.8.24");
    assertEquals(2, crypto.failingChecks());
    assertEquals(2, crypto.openNonconformities());
    assertEquals(1, crypto.openMajorNonconformities());
    assertEquals(0, crypto.riskLevel());
    assertTrue(crypto.actionImplementers().isEmpty());
    assertEquals(1, risks.get("A.5.15").failingChecks());
    assertEquals(0, risks.get("A.5.15").openNonconformities());
    var audit = new Finding(FindingId.of("F-4"), FindingType.MINOR_NONCONFORMITY,
        FindingSource.INTERNAL_AUDIT, FindingStatus.OPEN, "No review", null, Severity.MEDIUM,
        List.of(), List.of(ClauseId.parse("9.3")), null, null, null, null, Instant.EPOCH, null,
        null, null, null, null, null, null, null, 0);
    var review = risks(List.of(audit)).get("9.3");
    assertEquals(0, review.failingChecks());
    assertEquals(1, review.openNonconformities());
  }

  private static java.util.Map<String, io.vigil.domain.audit.ItemRisk> risks(List<Finding> open) {
    return io.vigil.domain.audit.AuditRisks.fromOpenFindings(open, id -> List.of());
  }

  private static Finding finding(String id, FindingType type, String control) {
    return new Finding(FindingId.of(id), type, FindingSource.AUTOMATED_CHECK, FindingStatus.OPEN,
        "t", null, Severity.HIGH, List.of(ControlId.parse(control)), List.of(),
        CheckId.of("s3_bucket_public_access_blocked"), "123456789012", "eu-west-1",
        "arn:aws:s3:::b", Instant.EPOCH, null, null, null, null, null, null, null, null, 0);
  }
}
