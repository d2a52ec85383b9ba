package io.vigil.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Port for the current time, so that rules and tests are deterministic. */
@FunctionalInterface
public interface Clock {

  Instant now();

  default LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  static Clock system() {
    return Instant::now;
  }

  static Clock fixed(Instant instant) {
    return () -> instant;
  }
}
