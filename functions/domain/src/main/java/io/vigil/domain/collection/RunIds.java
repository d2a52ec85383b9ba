package io.vigil.domain.collection;

import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic run ids. Triggers arrive at least once; deriving the run id from what identifies
 * the trigger (its source and scheduled time) makes a re-delivery land on the same run.
 */
public final class RunIds {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunIds() {}

  /** E.g. {@code run-20261128T060000Z-3fa2c1d9}: sortable by time, unique per source. */
  public static String of(String source, Instant scheduledTime) {
    var digest = Sha256.of(source + "|" + scheduledTime).hex().substring(0, 8);
    return "run-" + STAMP.format(scheduledTime) + "-" + digest;
  }
}
