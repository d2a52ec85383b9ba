package io.vigil.adapters.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimesTest {

  @Test
  void instantsHaveFixedWidthSoTextOrderIsTimeOrder() {
    var times = List.of(Instant.parse("2026-11-28T10:00:00Z"),
        Instant.parse("2026-11-28T10:00:00.000000001Z"), Instant.parse("2026-11-28T10:00:00.5Z"),
        Instant.parse("2026-11-28T10:00:01Z"));

    for (int i = 0; i + 1 < times.size(); i++) {
      var a = Times.format(times.get(i));
      var b = Times.format(times.get(i + 1));
      assertEquals(a.length(), b.length());
      assertTrue(a.compareTo(b) < 0, a + " < " + b);
    }
    assertEquals("2026-11-28T10:00:00.500000000Z", Times.format(times.get(2)));
  }

  @Test
  void roundTripsWithoutLoss() {
    var t = Instant.parse("2026-11-28T06:00:00.123456789Z");

    assertEquals(t, Times.parseInstant(Times.format(t)));
    assertEquals("2027-01-05", Times.format(LocalDate.of(2027, 1, 5)));
    assertEquals(LocalDate.of(2027, 1, 5), Times.parseDate("2027-01-05"));
    assertNull(Times.format((Instant) null));
    assertNull(Times.parseDate(null));
  }
}
