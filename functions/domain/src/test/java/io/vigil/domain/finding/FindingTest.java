package io.vigil.domain.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an automated finding follows its subject's evidence. */
class FindingTest {

  private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

  private static Finding open() {
    return new Finding(FindingId.of("F-1"), FindingType.MINOR_NONCONFORMITY,
        FindingSource.AUTOMATED_CHECK, FindingStatus.OPEN, "Bucket not encrypted", "",
        Severity.HIGH, List.of(ControlId.parse("A.8.24")), List.of(), CheckId.of("s3_bucket_encryption_enabled"),
        "123456789012", "eu-west-1", "arn:aws:s3:::b", T0, null, null, null, null, null, null,
        null, null, 0);
  }

  @Test
  void aFailureGoingOnWithinTheRefreshPeriod_changesNothing() {
    var f = open();
    assertSame(f, f.seenFailingAgain(T0.plusSeconds(3600)));
    assertSame(f, f.seenFailingAgain(T0.plus(Finding.LAST_SEEN_REFRESH)));
    assertSame(f, f.seenFailingAgain(T0.minusSeconds(60)), "an older observation");
  }

  @Test
  void aFailureAfterTheRefreshPeriod_movesLastSeen() {
    var later = T0.plus(Finding.LAST_SEEN_REFRESH).plusSeconds(1);
    var seen = open().seenFailingAgain(later);
    assertEquals(later, seen.lastSeenAt());
    assertEquals(0, seen.version(), "people's version untouched");
  }

  @Test
  void aFailureAfterARecovery_clearsIt_andMovesLastSeen_evenWithinTheRefreshPeriod() {
    var recovered = open().seenPassing(T0.plusSeconds(60));
    var failing = recovered.seenFailingAgain(T0.plusSeconds(120));
    assertNull(failing.evidenceRecoveredAt());
    assertEquals(T0.plusSeconds(120), failing.lastSeenAt());

    assertSame(recovered, recovered.seenFailingAgain(T0.plusSeconds(30)),
        "a failure observed before the recovery does not undo it");
  }
}
