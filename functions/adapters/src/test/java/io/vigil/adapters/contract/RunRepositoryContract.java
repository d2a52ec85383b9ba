package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunRepository.Start;
import io.vigil.domain.collection.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RunRepository} must do; subclasses supply the implementation. */
public abstract class RunRepositoryContract {

  private RunRepository repo;
  private String runId;

  protected abstract RunRepository repository();

  @BeforeEach
  void setUp() {
    repo = repository();
    runId = "run-" + TestData.unique();
  }

  /** The deadline of an invocation that starts at {@code startedAt} (stored to the millisecond). */
  private static Instant deadline(Instant startedAt) {
    return startedAt.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
  }

  private Start start(Instant startedAt) {
    return repo.start(runId, "schedule:hourly", startedAt, deadline(startedAt));
  }

  private RunSummary summary() {
    return new RunSummary(runId, "schedule:hourly", TestData.T0,
        TestData.T0.plus(Duration.ofSeconds(93, 5)), 17,
        Map.of(CheckStatus.PASS, 40, CheckStatus.FAIL, 3, CheckStatus.ERROR, 1), 2, 44);
  }

  @Test
  void aNewRunIsClaimedAndHasNoSummaryUntilCompleted() {
    assertInstanceOf(Start.Claimed.class, start(TestData.T0));

    assertEquals(Optional.empty(), repo.find(runId));
  }

  @Test
  void aLiveClaimIsRefusedUntilItsDeadline_thenTakenOver() {
    var deadline = deadline(TestData.T0);
    start(TestData.T0);

    assertEquals(new Start.Held(deadline), start(TestData.T0.plusSeconds(1)),
        "a concurrent copy");
    assertEquals(new Start.Held(deadline), start(deadline), "at the deadline itself");
    assertInstanceOf(Start.Claimed.class, start(deadline.plusMillis(1)),
        "the holder crashed: its claim has passed");
    assertEquals(new Start.Held(deadline(deadline.plusMillis(1))),
        start(deadline.plusMillis(2)), "the new claim holds in turn");
    assertEquals(Optional.empty(), repo.find(runId));
  }

  @Test
  void aReleasedClaimIsClaimedAgainAtOnce() {
    start(TestData.T0);

    repo.release(runId, deadline(TestData.T0));

    assertInstanceOf(Start.Claimed.class, start(TestData.T0.plusSeconds(1)));
  }

  @Test
  void releasingAClaimThatWasTakenOver_keepsTheNewClaim() {
    var first = deadline(TestData.T0);
    start(TestData.T0);
    var takeOver = first.plusMillis(1);
    start(takeOver);

    repo.release(runId, first);

    assertEquals(new Start.Held(deadline(takeOver)), start(takeOver.plusSeconds(1)));
  }

  @Test
  void aCompletedRunIsNotClaimedAgainAndReturnsItsSummary() {
    start(TestData.T0);
    var summary = summary();

    repo.complete(summary);

    assertEquals(Optional.of(summary), repo.find(runId));
    assertEquals(new Start.AlreadyCompleted(summary), start(TestData.T0.plusSeconds(1)),
        "a concurrent copy that arrives after completion");
    assertEquals(new Start.AlreadyCompleted(summary), start(TestData.T0.plusSeconds(3600)));
    repo.release(runId, deadline(TestData.T0));
    assertEquals(Optional.of(summary), repo.find(runId), "a late re-delivery changes nothing");
    assertEquals(new Start.AlreadyCompleted(summary), start(TestData.T0.plusSeconds(3601)));
  }

  @Test
  void countsOfEveryStatusSurvive() {
    var summary = summary();
    repo.complete(summary);

    var found = repo.find(runId).orElseThrow();

    assertEquals(40, found.count(CheckStatus.PASS));
    assertEquals(3, found.count(CheckStatus.FAIL));
    assertEquals(1, found.count(CheckStatus.ERROR));
    assertEquals(0, found.count(CheckStatus.NOT_APPLICABLE));
    assertEquals(44, found.total());
  }

  @Test
  void unknownRunIsEmpty() {
    assertEquals(Optional.empty(), repo.find(runId));
  }
}
