package io.vigil.functions.scheduleaudits;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What the handler uses, as one bean: the planning run (ports only), the time zone that decides
 * "today", and what to close when the function's context stops. One bean of a type only this
 * function defines, so its wiring never competes with another function's on the CLI's classpath.
 */
public final class ScheduleAuditsComponents implements AutoCloseable {

  private final AuditScheduling scheduling;
  private final ZoneId zone;
  private final AutoCloseable resources;

  public ScheduleAuditsComponents(AuditScheduling scheduling, ZoneId zone,
      AutoCloseable resources) {
    this.scheduling = Objects.requireNonNull(scheduling);
    this.zone = Objects.requireNonNull(zone);
    this.resources = Objects.requireNonNull(resources);
  }

  public AuditScheduling scheduling() {
    return scheduling;
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
