package io.vigil.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditTest {

  private static Audit audit(List<Auditor> auditors) {
    return new Audit("AUD-1", "Access control", List.of(ClauseId.parse("9.1")),
        List.of(ControlId.parse("A.8.5")), "ISO/IEC 27001:2022 and the access policy",
        LocalDate.parse("2027-01-10"), LocalDate.parse("2027-01-12"), auditors, AuditStatus.PLANNED, 0);
  }

  @Test
  void independenceConflicts_flagsAnAuditorWhoOwnsAnAuditedItem() {
    var ciso = new Auditor("u1", "Ciso", "ciso@example.com", Set.of("A.8.5", "5.2"));
    var peer = new Auditor("u2", "Peer", "peer@example.com", Set.of("A.5.1"));

    assertEquals(List.of("Ciso is responsible for A.8.5"), audit(List.of(ciso, peer)).independenceConflicts());
    assertTrue(audit(List.of(peer)).independenceConflicts().isEmpty());
  }

  @Test
  void constructor_requiresScopeCriteriaAndOrderedDates() {
    assertThrows(IllegalArgumentException.class, () -> new Audit("A", "t", List.of(), List.of(), "c",
        LocalDate.EPOCH, LocalDate.EPOCH, List.of(), AuditStatus.PLANNED, 0));
    assertThrows(IllegalArgumentException.class, () -> new Audit("A", "t",
        List.of(ClauseId.parse("9.2")), List.of(), " ", LocalDate.EPOCH, LocalDate.EPOCH, List.of(),
        AuditStatus.PLANNED, 0));
    assertThrows(IllegalArgumentException.class, () -> new Audit("A", "t",
        List.of(ClauseId.parse("9.2")), List.of(), "c", LocalDate.EPOCH.plusDays(1), LocalDate.EPOCH,
        List.of(), AuditStatus.PLANNED, 0));
  }
}
