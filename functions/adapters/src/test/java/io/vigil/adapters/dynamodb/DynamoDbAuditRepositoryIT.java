package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditRepository.PlanChanges;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.CheckEvidence;
import io.vigil.domain.audit.Conclusion;
import io.vigil.domain.audit.ItemConclusion;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.NotFoundException;
import java.time.Instant;
import java.util.EnumSet;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbAuditRepository} against the emulator: save, diff, idempotence, cancel. */
@WithAwsEmulator
class DynamoDbAuditRepositoryIT {

  private static final LocalDate FROM = LocalDate.of(2027, 1, 1);

  private static Emulated aws;
  private static String table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("audits");
    new VigilTable(table).createIfAbsent(aws.dynamo());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  private static AuditPlan.PlannedAudit audit(String id, String date, String auditor,
      String... items) {
    return new AuditPlan.PlannedAudit(id, LocalDate.parse(date), auditor,
        auditor + "@example.com", List.of(items),
        "ISO/IEC 27001:2022 and the ISMS policies", "Scope of " + id, "interviews and records");
  }

  private static AuditPlan plan(AuditPlan.PlannedAudit... audits) {
    return new AuditPlan(FROM, FROM.plusMonths(12), List.of(audits), List.of());
  }

  private Map<String, AttributeValue> head() {
    return aws.dynamo().getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS("PLAN"), "SK", AttributeValue.fromS("CURRENT"))))
        .item();
  }

  @Test
  void savesDiffsAndIsIdempotent() {
    var repo = new DynamoDbAuditRepository(aws.enhanced(), table);
    var a1 = audit("AUD-2027-01", "2027-02-10", "carol", "5.1", "A.5.1");
    var a2 = audit("AUD-2027-02", "2027-03-10", "dave", "A.8.24");
    var first = repo.savePlan(plan(a2, a1));
    assertEquals(new PlanChanges(List.of("AUD-2027-01", "AUD-2027-02"), List.of(), List.of()),
        first);
    assertEquals(List.of(a1, a2), repo.planned());
    assertEquals(Optional.of(a2), repo.find("AUD-2027-02"));
    assertEquals(List.of(a2), repo.due(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10)));
    assertEquals(List.of(), repo.due(LocalDate.of(2027, 3, 11), LocalDate.of(2027, 12, 31)));

    var savedAt = head().get("savedAt").s();
    assertTrue(repo.savePlan(plan(a1, a2)).isEmpty(), "same plan again changes nothing");
    assertEquals(savedAt, head().get("savedAt").s(), "an unchanged plan writes nothing");

    var a1Moved = audit("AUD-2027-01", "2027-02-17", "carol", "5.1", "A.5.1");
    var a3 = audit("AUD-2027-03", "2027-04-01", "erin", "9.2");
    var second = repo.savePlan(plan(a1Moved, a3));
    assertEquals(new PlanChanges(List.of("AUD-2027-03"), List.of("AUD-2027-01"),
        List.of("AUD-2027-02")), second);
    assertEquals(List.of(a1Moved, a3), repo.planned());
    assertEquals(Optional.empty(), repo.find("AUD-2027-02"));

    var a3Reassigned = audit("AUD-2027-03", "2027-04-01", "frank", "9.2");
    assertEquals(new PlanChanges(List.of(), List.of("AUD-2027-03"), List.of()),
        repo.savePlan(plan(a1Moved, a3Reassigned)));
    assertTrue(repo.savePlan(plan(a1Moved, a3Reassigned)).isEmpty());
  }

  @Test
  void auditsPeopleActedOnAreNeverChangedByAPlan_andRecordsRoundTrip() {
    var otherTable = Emulated.uniqueName("audits-records");
    new VigilTable(otherTable).createIfAbsent(aws.dynamo());
    var repo = new DynamoDbAuditRepository(aws.enhanced(), otherTable);
    var a1 = audit("AUD-1", "2027-02-10", "carol", "5.1");
    var a2 = audit("AUD-2", "2027-03-10", "dave", "A.8.24", "A.8.25");
    var a3 = audit("AUD-3", "2027-04-10", "erin", "9.2");
    repo.savePlan(plan(a1, a2, a3));

    var cancelled = repo.update(new AuditRecord(a1, AuditStatus.CANCELLED, null, null, Map.of(),
        null, null, null, null, Instant.parse("2027-01-20T10:00:00Z"), "boss@example.com",
        "auditor on leave", 1));
    assertEquals(2, cancelled.version());
    var started = repo.update(new AuditRecord(a2, AuditStatus.IN_PROGRESS,
        Instant.parse("2027-03-09T08:00:00Z"), "dave@example.com", Map.of(), null, null, null,
        null, null, null, null, 1));
    var evidence = new CheckEvidence("kms_cmk_rotation_enabled", "KMS keys rotate", 3, 1, 0, 0,
        Instant.parse("2027-03-09T06:00:00Z"), List.of(new CheckEvidence.FailingResource(
            "111111111111", "arn:aws:kms:eu-west-1:111111111111:key/x",
            Instant.parse("2027-03-09T06:00:00Z"), "ab".repeat(32), "rotation off")));
    var concluded = repo.update(new AuditRecord(a2, AuditStatus.IN_PROGRESS,
        started.startedAt(), started.startedBy(), Map.of("A.8.24", new ItemConclusion("A.8.24",
            Conclusion.MAJOR_NONCONFORMITY, "keys \"not\" rotated <b>", List.of("KMS policy v3"),
            List.of(evidence), FindingId.of("F-AUD-2-A-8-24"), "dave@example.com",
            Instant.parse("2027-03-09T09:00:00Z"))), null, null, null, null, null, null, null,
        started.version()));
    assertEquals(Optional.of(concluded), repo.record("AUD-2"), "round trip of every field");
    // a stale version is refused and changes nothing
    assertThrows(ConcurrentModificationException.class, () -> repo.update(started));
    assertThrows(NotFoundException.class, () -> repo.update(AuditRecord.planned(
        audit("AUD-404", "2027-05-01", "x", "4.1"), 1)));

    // a plan that drops or changes them leaves AUD-1 (cancelled) and AUD-2 (started) alone
    var a1Again = audit("AUD-1", "2027-02-11", "carol", "5.1");
    var changes = repo.savePlan(plan(a1Again, a3));
    assertEquals(new PlanChanges(List.of(), List.of(), List.of()), changes);
    assertEquals(AuditStatus.CANCELLED, repo.record("AUD-1").orElseThrow().status());
    assertEquals(concluded, repo.record("AUD-2").orElseThrow());
    assertEquals(List.of(a3), repo.planned());

    var all = repo.records(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        EnumSet.allOf(AuditStatus.class));
    assertEquals(List.of("AUD-1", "AUD-2", "AUD-3"), all.stream().map(AuditRecord::id).toList());
    assertEquals(LocalDate.parse("2027-03-09"), all.get(1).day(), "listed by the start day");
    assertEquals(List.of("AUD-2"), repo.records(LocalDate.parse("2027-03-09"),
        LocalDate.parse("2027-03-09"), EnumSet.of(AuditStatus.IN_PROGRESS)).stream()
        .map(AuditRecord::id).toList());
  }
}
