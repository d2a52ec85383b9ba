package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.ResultRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ResultRepository} must do; subclasses supply the implementation. */
public abstract class ResultRepositoryContract {

  private ResultRepository repo;
  private String p;
  private String run1;
  private String run2;

  protected abstract ResultRepository repository();

  @BeforeEach
  void setUp() {
    repo = repository();
    p = TestData.unique();
    run1 = "run-" + p + "-1";
    run2 = "run-" + p + "-2";
  }

  private List<CheckResult> results(String runId, int count, Instant at, String reason) {
    return IntStream.range(0, count)
        .mapToObj(i -> TestData.result(runId, TestData.arn(p, i), at,
            i % 3 == 0 ? CheckStatus.FAIL : CheckStatus.PASS, reason))
        .toList();
  }

  private static List<CheckResult> bySubject(List<CheckResult> results) {
    return results.stream().sorted(Comparator.comparing(CheckResult::subjectKey)).toList();
  }

  @Test
  void resultsOfARunAreStoredCompletely() {
    var results = results(run1, 3, TestData.T0, "default encryption is off");

    repo.saveAll(results);

    assertEquals(bySubject(results), repo.findByRun(run1));
    assertEquals(List.of(), repo.findByRun(run2));
  }

  @Test
  void savingTheSameResultsTwiceDoesNotDuplicateThem() {
    var results = results(run1, 30, TestData.T0, "");

    repo.saveAll(results);
    repo.saveAll(results);

    assertEquals(bySubject(results), repo.findByRun(run1));
  }

  @Test
  void manyResultsCrossBatchAndPageBoundaries() {
    var results = new ArrayList<>(results(run1, 130, TestData.T0, "ok"));
    Collections.shuffle(results, new Random(7));

    repo.saveAll(results);

    assertEquals(bySubject(results), repo.findByRun(run1));
  }

  @Test
  void moreThanOneMegabyteOfResultsIsReadCompletely() {
    var results = results(run1, 120, TestData.T0, "x".repeat(9_000));

    repo.saveAll(results);

    var found = repo.findByRun(run1);
    assertEquals(120, found.size());
    assertEquals(bySubject(results), found);
  }

  @Test
  void theSameSubjectTwiceInOneCallKeepsTheLastOne() {
    var arn = TestData.arn(p, 1);
    var first = TestData.result(run1, arn, TestData.T0, CheckStatus.FAIL, "first");
    var second = TestData.result(run1, arn, TestData.T0.plusSeconds(1), CheckStatus.PASS, "second");

    repo.saveAll(List.of(first, second));

    assertEquals(List.of(second), repo.findByRun(run1));
    assertEquals(Optional.of(second), repo.findLatest(second.subjectKey()));
  }

  @Test
  void eachResultBecomesTheLatestOfItsSubject() {
    var results = results(run1, 3, TestData.T0, "");

    repo.saveAll(results);

    for (var r : results) {
      assertEquals(Optional.of(r), repo.findLatest(r.subjectKey()));
    }
  }

  @Test
  void aNewerObservationReplacesTheLatest() {
    var arn = TestData.arn(p, 1);
    var older = TestData.result(run1, arn, TestData.T0, CheckStatus.FAIL, "");
    var newer = TestData.result(run2, arn, TestData.T0.plusSeconds(3600), CheckStatus.PASS, "");

    repo.saveAll(List.of(older));
    repo.saveAll(List.of(newer));

    assertEquals(Optional.of(newer), repo.findLatest(newer.subjectKey()));
  }

  @Test
  void anOlderObservationNeverOverwritesANewerLatest() {
    var arn = TestData.arn(p, 1);
    var newer = TestData.result(run2, arn, TestData.T0.plusSeconds(3600), CheckStatus.PASS, "");
    var older = TestData.result(run1, arn, TestData.T0, CheckStatus.FAIL, "late retry");

    repo.saveAll(List.of(newer));
    repo.saveAll(List.of(older));

    assertEquals(Optional.of(newer), repo.findLatest(newer.subjectKey()));
    assertEquals(List.of(older), repo.findByRun(run1), "the late result still joins its run");
  }

  @Test
  void latestComparesTimesNotTheirTextualForms() {
    var arn = TestData.arn(p, 1);
    var wholeSecond = TestData.result(run1, arn, Instant.parse("2026-11-28T10:00:00Z"),
        CheckStatus.FAIL, "");
    var halfSecondLater = TestData.result(run2, arn, Instant.parse("2026-11-28T10:00:00.5Z"),
        CheckStatus.PASS, "");

    repo.saveAll(List.of(wholeSecond));
    repo.saveAll(List.of(halfSecondLater));

    assertEquals(Optional.of(halfSecondLater), repo.findLatest(halfSecondLater.subjectKey()));
  }

  @Test
  void anEquallyRecentObservationReplacesTheLatest() {
    var arn = TestData.arn(p, 1);
    var a = TestData.result(run1, arn, TestData.T0, CheckStatus.FAIL, "first attempt");
    var b = TestData.result(run2, arn, TestData.T0, CheckStatus.PASS, "second attempt");

    repo.saveAll(List.of(a));
    repo.saveAll(List.of(b));

    assertEquals(Optional.of(b), repo.findLatest(b.subjectKey()));
  }

  @Test
  void unknownSubjectHasNoLatest() {
    assertEquals(Optional.empty(), repo.findLatest(TestData.subjectOf(TestData.arn(p, 1))));
  }
}
