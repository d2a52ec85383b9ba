package io.vigil.functions.summarizeperformance;

import java.time.Instant;

/** Port: a time-limited link to a stored document. */
@FunctionalInterface
public interface ReportLinks {

  /** A link and when it stops working at the latest. */
  record Link(String url, Instant expiresAt) {}

  Link link(String key);
}
