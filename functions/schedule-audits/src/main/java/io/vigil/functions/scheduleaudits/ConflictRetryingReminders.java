package io.vigil.functions.scheduleaudits;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditReminders;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.scheduler.model.ConflictException;

/**
 * The reminders, synced again when EventBridge Scheduler reports a conflict with another
 * invocation. The daily event is delivered at least once, so two copies can sync the same plan at
 * the same moment: both list the group, both find a reminder missing, and the second
 * {@code CreateSchedule} of that name fails with {@code ConflictException} ("already exists"), as
 * does an update racing another writer. A sync converges from any state — it lists the group
 * again, leaves the reminders whose fingerprint matches alone and creates, updates or deletes the
 * rest — so the sync that met the conflict is run again instead of failing the invocation.
 *
 * <p>The two copies walk the reminders in the same order, so an immediate re-sync would likely
 * collide again with the copy still creating ahead of it (measured against the emulator with the
 * sample programme's 192 reminders: three conflicts before the fourth sync went through): each
 * retry first waits a random time below a ceiling that doubles per retry ({@value #BASE_MILLIS}
 * ms, at most {@value #CAP_MILLIS} ms; {@value #MAX_ATTEMPTS} attempts in all, at most about 18 s
 * of waiting, within the function's 2-minute timeout). The randomness is drawn when
 * the conflict happens, from a {@link SecureRandom} made then, so that two execution environments
 * restored from one SnapStart snapshot do not wait in step. The result is that of the last
 * attempt: reminders an earlier attempt created are not listed again.
 */
final class ConflictRetryingReminders implements AuditReminders {

  /** Syncs tried before a conflict fails the invocation, the first one included. */
  static final int MAX_ATTEMPTS = 8;
  /** Ceiling of the first pause. */
  static final long BASE_MILLIS = 250;
  /** Largest ceiling of a pause. */
  static final long CAP_MILLIS = 5000;

  private static final Logger LOG = LoggerFactory.getLogger(ConflictRetryingReminders.class);

  /** Waits; replaceable so that tests do not. */
  @FunctionalInterface
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final AuditReminders reminders;
  private final Pause pause;

  ConflictRetryingReminders(AuditReminders reminders) {
    this(reminders, d -> Thread.sleep(d.toMillis()));
  }

  ConflictRetryingReminders(AuditReminders reminders, Pause pause) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  @Override
  public SyncResult sync(List<AuditPlan.PlannedAudit> planned) {
    for (int attempt = 1; ; attempt++) {
      try {
        return reminders.sync(planned);
      } catch (ConflictException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        var wait = Duration.ofMillis(new SecureRandom().nextLong(ceilingMillis(attempt) + 1));
        LOG.info("reminder sync attempt {} met a concurrent change ({}); syncing again in {} ms",
            attempt, e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage(), wait.toMillis());
        try {
          pause.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The ceiling of the pause before retry {@code retry} (1 for the first). */
  static long ceilingMillis(int retry) {
    return Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(retry - 1, 20));
  }
}
