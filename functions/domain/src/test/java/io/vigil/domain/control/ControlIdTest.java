package io.vigil.domain.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlIdTest {

  @Test
  void parse_acceptsExternalAndCanonicalForms_andWritesExternal() {
    assertEquals(new ControlId(8, 24), ControlId.parse("A.8.24"));
    assertEquals(new ControlId(5, 1), ControlId.parse("5.1"));
    assertEquals("A.8.24", ControlId.parse("8.24").toString());
    assertEquals("8.24", ControlId.parse("A.8.24").canonical());
  }

  @Test
  void parse_rejectsClauseLikeAndMalformedIds_withTheExpectedForm() {
    var e = assertThrows(IllegalArgumentException.class, () -> ControlId.parse("9.2.1"));
    assertTrue(e.getMessage().contains("A.<theme>.<number>"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ControlId.parse("A.4.1"));
    assertThrows(IllegalArgumentException.class, () -> ControlId.parse("A.8"));
    assertThrows(IllegalArgumentException.class, () -> ControlId.parse("A.8.0"));
  }

  @Test
  void compareTo_ordersNumericallyNotLexically() {
    assertTrue(ControlId.parse("A.8.9").compareTo(ControlId.parse("A.8.10")) < 0);
    assertTrue(ControlId.parse("A.5.37").compareTo(ControlId.parse("A.6.1")) < 0);
  }

  @Test
  void clauseId_acceptsClauses4To10_andNeverTheAnnexPrefix() {
    assertEquals(9, ClauseId.parse("9.2").clause());
    assertEquals(10, ClauseId.parse("10.2").clause());
    assertEquals("6.1.3", ClauseId.parse("6.1.3").toString());
    assertThrows(IllegalArgumentException.class, () -> ClauseId.parse("A.9.2"));
    assertThrows(IllegalArgumentException.class, () -> ClauseId.parse("3.1"));
    assertThrows(IllegalArgumentException.class, () -> ClauseId.parse("11.1"));
    assertTrue(ClauseId.parse("9.3").compareTo(ClauseId.parse("10.1")) < 0);
  }
}
