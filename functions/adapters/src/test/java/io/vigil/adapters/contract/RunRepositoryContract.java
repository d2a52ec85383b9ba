package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunRepository.Start;
import io.vigil.domain.collection.RunSummary;
import java.time.Duration;
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

  private RunSummary summary() {
    return new RunSummary(runId, "schedule:hourly", TestData.T0,
        TestData.T0.plus(Duration.ofSeconds(93, 5)), 17,
        Map.of(CheckStatus.PASS, 40, CheckStatus.FAIL, 3, CheckStatus.ERROR, 1), 2, 44);
  }

  @Test
  void aNewRunIsClaimedAndHasNoSummaryUntilCompleted() {
    assertInstanceOf(Start.Claimed.class, repo.start(runId, "schedule:hourly", TestData.T0));

    assertEquals(Optional.empty(), repo.find(runId));
  }

  @Test
  void aRunClaimedButNeverCompletedIsClaimedAgain() {
    repo.start(runId, "schedule:hourly", TestData.T0);

    assertInstanceOf(Start.Claimed.class,
        repo.start(runId, "schedule:hourly", TestData.T0.plusSeconds(60)));
  }

  @Test
  void aCompletedRunIsNotClaimedAgainAndReturnsItsSummary() {
    repo.start(runId, "schedule:hourly", TestData.T0);
    var summary = summary();

    repo.complete(summary);

    assertEquals(Optional.of(summary), repo.find(runId));
    assertEquals(new Start.AlreadyCompleted(summary),
        repo.start(runId, "schedule:hourly", TestData.T0.plusSeconds(3600)));
    assertEquals(Optional.of(summary), repo.find(runId), "a late re-delivery changes nothing");
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
