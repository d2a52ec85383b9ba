package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FigureTest {

  @Test
  void atMost_isMetAtAndBelowTheLimit_only() {
    var t = Target.atMost(60);
    assertTrue(t.isMetBy(60.0));
    assertTrue(t.isMetBy(12.5));
    assertFalse(t.isMetBy(60.001));
  }

  @Test
  void atLeast_isMetAtAndAboveTheLimit_only() {
    var t = Target.atLeast(83.3);
    assertTrue(t.isMetBy(83.3));
    assertTrue(t.isMetBy(100.0));
    assertFalse(t.isMetBy(83.29));
  }

  @Test
  void missingOrNonFiniteValues_neverMeetATarget() {
    assertFalse(Target.atMost(1).isMetBy(null));
    assertFalse(Target.atMost(1).isMetBy(Double.NaN));
    assertFalse(Target.atLeast(1).isMetBy(Double.POSITIVE_INFINITY));
  }

  @Test
  void target_isWrittenWithItsComparison_inPlainDecimals() {
    assertEquals("<= 60", Target.atMost(60).toString());
    assertEquals(">= 83.3", Target.atLeast(83.3).toString());
    assertEquals("<= 0.04", Target.atMost(0.04).toString());
    assertEquals("<= 0.000048", Target.atMost(4.8e-5).toString());
  }

  @Test
  void measured_followsItsTarget() {
    assertTrue(Figure.measured("x", 10, "%", Target.atMost(10), "").met());
    assertFalse(Figure.measured("x", 10.5, "%", Target.atMost(10), "").met());
    assertFalse(Figure.measured("x", Double.NaN, "%", Target.atMost(10), "").met());
  }

  @Test
  void measured_isJudgedOnTheExactValue_butWrittenRounded() {
    var f = Figure.measured("x", 20.000001, 2, "MiB", Target.atMost(20), "");
    assertEquals(20.0, f.value());
    assertFalse(f.met());
  }

  @Test
  void notRun_hasNoValue_isNotMet_andSaysWhy() {
    var f = Figure.notRun("coldstart", "bench/coldstart/run does not exist");
    assertEquals(null, f.value());
    assertFalse(f.met());
    assertEquals("not run: bench/coldstart/run does not exist", f.detail());
  }

  @Test
  void reported_hasNoTarget_andCountsAsMet_whenItHasAValue() {
    assertTrue(Figure.reported("x", 2.0, "requests/result", "").met());
    assertFalse(Figure.reported("x", Double.NaN, "requests/result", "").met());
  }

  @Test
  void round_isHalfUp() {
    assertEquals(2.02, Figure.round(2.015, 2));
    assertEquals(0.323, Figure.round(0.32265, 3));
  }

  @Test
  void nameIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> Figure.notRun(" ", "x"));
    assertThrows(IllegalArgumentException.class, () -> Target.atMost(Double.NaN));
  }
}
