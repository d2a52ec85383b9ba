package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckStatus;
import org.junit.jupiter.api.Test;

class LookupTest {

  @Test
  void absentAs_replacesOnlyAnAbsentValue() {
    assertEquals("x", Lookup.<String>absent().absentAs("x").value());
    assertEquals("v", Lookup.found("v").absentAs("x").value());
    assertTrue(Lookup.<String>failed("boom").absentAs("x").isFailed());
  }

  @Test
  void toErrorObservation_namesSubjectAndError_whenFailed() {
    // GIVEN
    var lookup = Lookup.failed("GetBucketVersioning failed: AccessDenied");
    // WHEN
    var o = lookup.toErrorObservation("arn:aws:s3:::b", "bucket b");
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("bucket b: GetBucketVersioning failed: AccessDenied", o.reason());
  }

  @Test
  void toErrorObservation_throws_whenLookupDidNotFail() {
    assertThrows(IllegalStateException.class,
        () -> Lookup.found(1).toErrorObservation("arn:aws:s3:::b", "bucket b"));
  }

  @Test
  void constructor_rejectsValueAndErrorTogether() {
    assertThrows(IllegalArgumentException.class, () -> new Lookup<>("v", "e"));
    assertFalse(Lookup.absent().isPresent());
  }
}
