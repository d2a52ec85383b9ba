package io.vigil.domain.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.domain.check.Severity;
import io.vigil.domain.finding.FindingType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingPolicyTest {

  private final FindingPolicy policy = FindingPolicy.defaults();

  @Test
  void typeFor_raisesNonconformitiesOnlyForCriticalAndHigh() {
    assertEquals(FindingType.MINOR_NONCONFORMITY, policy.typeFor(Severity.CRITICAL));
    assertEquals(FindingType.MINOR_NONCONFORMITY, policy.typeFor(Severity.HIGH));
    assertEquals(FindingType.OBSERVATION, policy.typeFor(Severity.MEDIUM));
    assertEquals(FindingType.OBSERVATION, policy.typeFor(Severity.LOW));
  }

  @Test
  void dueDate_dependsOnSeverity() {
    var day = LocalDate.parse("2026-11-28");
    assertEquals(LocalDate.parse("2026-12-05"), policy.dueDate(Severity.CRITICAL, day));
    assertEquals(LocalDate.parse("2027-02-26"), policy.dueDate(Severity.MEDIUM, day));
  }

  @Test
  void constructor_requiresADueDateForEverySeverity() {
    assertThrows(IllegalArgumentException.class, () -> new FindingPolicy(Map.of(Severity.HIGH, 30)));
  }

  @Test
  void findingFor_derivesTheIdFromSubjectAndRun() {
    var loader = new io.vigil.domain.fakes.TestEstate.Loader()
        .with(new io.vigil.domain.fakes.TestEstate.Bucket("bad", false, false));
    var check = new io.vigil.domain.fakes.TestEstate.EncryptionCheck();
    var collector = new EvidenceCollector(java.util.List.of(check), java.util.List.of(loader));
    var r1 = collector.collect(java.util.List.of(io.vigil.domain.fakes.TestEstate.TARGET), "run-1",
        Instant.EPOCH, ProgressListener.SILENT).get(0);
    var r2 = collector.collect(java.util.List.of(io.vigil.domain.fakes.TestEstate.TARGET), "run-2",
        Instant.EPOCH, ProgressListener.SILENT).get(0);

    var f1 = policy.findingFor(r1.check(), r1.result());
    assertEquals(f1.id(), policy.findingFor(r1.check(), r1.result()).id());
    assertNotEquals(f1.id(), policy.findingFor(r2.check(), r2.result()).id());
  }
}
