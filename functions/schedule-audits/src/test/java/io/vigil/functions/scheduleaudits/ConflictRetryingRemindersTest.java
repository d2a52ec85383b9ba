package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditReminders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/** A sync that conflicts with another invocation is run again, a bounded number of times. */
class ConflictRetryingRemindersTest {

  private static final AuditReminders.SyncResult DONE =
      new AuditReminders.SyncResult(List.of("audit-A-due"), List.of(), List.of());

  /** Answers each sync with the next outcome and counts the syncs. */
  private static final class Scripted implements AuditReminders {
    final Deque<Supplier<SyncResult>> outcomes = new ArrayDeque<>();
    int syncs;

    @Override
    public SyncResult sync(List<AuditPlan.PlannedAudit> planned) {
      syncs++;
      return outcomes.removeFirst().get();
    }
  }

  private final List<Duration> pauses = new ArrayList<>();

  private ConflictRetryingReminders retrying(AuditReminders reminders) {
    return new ConflictRetryingReminders(reminders, pauses::add);
  }

  private static Supplier<AuditReminders.SyncResult> conflict() {
    return () -> {
      throw ConflictException.builder().message("Schedule audit-A-due already exists.").build();
    };
  }

  @Test
  void aConflict_isSyncedAgainAfterAPause_andTheLastSyncAnswers() {
    var scripted = new Scripted();
    scripted.outcomes.add(conflict());
    scripted.outcomes.add(() -> DONE);

    var result = retrying(scripted).sync(List.of());

    assertSame(DONE, result);
    assertEquals(2, scripted.syncs);
    assertEquals(1, pauses.size());
    assertTrue(pauses.get(0).toMillis() <= ConflictRetryingReminders.BASE_MILLIS, pauses::toString);
  }

  @Test
  void conflictsOnEveryAttempt_failTheSync_afterTheLastAttempt_withGrowingPauses() {
    var scripted = new Scripted();
    for (int i = 0; i <= ConflictRetryingReminders.MAX_ATTEMPTS; i++) {
      scripted.outcomes.add(conflict());
    }

    assertThrows(ConflictException.class, () -> retrying(scripted).sync(List.of()));

    assertEquals(ConflictRetryingReminders.MAX_ATTEMPTS, scripted.syncs);
    assertEquals(ConflictRetryingReminders.MAX_ATTEMPTS - 1, pauses.size());
    for (int retry = 1; retry <= pauses.size(); retry++) {
      var pause = pauses.get(retry - 1).toMillis();
      assertTrue(pause >= 0 && pause <= ConflictRetryingReminders.ceilingMillis(retry),
          "pause " + retry + ": " + pause);
    }
    assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L), IntStream.rangeClosed(1,
        7).mapToObj(ConflictRetryingReminders::ceilingMillis).toList());
  }

  @Test
  void anotherError_isNotRetried() {
    var scripted = new Scripted();
    scripted.outcomes.add(() -> {
      throw ResourceNotFoundException.builder().message("no such group").build();
    });
    scripted.outcomes.add(() -> DONE);

    assertThrows(ResourceNotFoundException.class, () -> retrying(scripted).sync(List.of()));

    assertEquals(1, scripted.syncs);
    assertEquals(List.of(), pauses);
  }
}
