package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRepository.PlanChanges;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
    return new AuditPlan.PlannedAudit(id, LocalDate.parse(date), auditor, List.of(items),
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
  void cancelledAuditLeavesThePlanAndStaysCancelled() {
    var otherTable = Emulated.uniqueName("audits-cancel");
    new VigilTable(otherTable).createIfAbsent(aws.dynamo());
    var repo = new DynamoDbAuditRepository(aws.enhanced(), otherTable);
    var a1 = audit("AUD-1", "2027-02-10", "carol", "5.1");
    var a2 = audit("AUD-2", "2027-03-10", "dave", "A.8.24");
    repo.savePlan(plan(a1, a2));
    repo.cancel("AUD-1");
    assertEquals(List.of(a2), repo.planned());
    assertEquals(Optional.empty(), repo.find("AUD-1"));
    assertThrows(NoSuchElementException.class, () -> repo.cancel("AUD-1"));
    assertThrows(NoSuchElementException.class, () -> repo.cancel("nope"));
    var a2Moved = audit("AUD-2", "2027-03-11", "dave", "A.8.24");
    assertEquals(new PlanChanges(List.of(), List.of("AUD-2"), List.of()),
        repo.savePlan(plan(a1, a2Moved)));
    assertEquals(List.of(a2Moved), repo.planned());
  }
}
