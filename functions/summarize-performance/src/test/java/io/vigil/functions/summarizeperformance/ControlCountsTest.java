package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.performance.EvidenceStats.CheckCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Controls passing and failing, rolled up from counts by the rules of the control roll-up. */
class ControlCountsTest {

  private static final Instant T = Instant.parse("2026-11-28T06:00:00Z");

  private static CheckIndex.Entry entry(String id, List<String> primary, List<String> supporting) {
    return new CheckIndex.Entry(id, id, "s3", Severity.LOW,
        primary.stream().map(ControlId::parse).toList(),
        supporting.stream().map(ControlId::parse).toList());
  }

  private static final CheckIndex INDEX = CheckIndex.of(List.of(
      entry("a", List.of("A.8.24"), List.of("A.5.33")),
      entry("b", List.of("A.8.24"), List.of()),
      entry("c", List.of("A.8.3"), List.of("A.5.15")),
      entry("d", List.of("A.8.5"), List.of()),
      entry("e", List.of(), List.of("A.5.1")),
      entry("f", List.of("A.8.9"), List.of())));

  private static CheckCount count(String check, String account, long pass, long fail,
      long error) {
    return new CheckCount(check, account, pass, fail, error, 0, T);
  }

  @Test
  void rollsUpAsTheControlsCommandDoes() {
    var counts = List.of(
        count("a", "111", 3, 0, 0),
        count("b", "111", 1, 0, 0), count("b", "222", 2, 0, 0), // A.8.24: both primaries pass
        count("c", "111", 5, 0, 0), count("c", "222", 0, 1, 0), // fails in one account
        count("d", "111", 0, 0, 2), // only errors
        count("e", "111", 0, 1, 0)); // supporting only, failing
    // A.8.24 pass; A.5.33: supporting only, passing: a person concludes (not counted);
    // A.8.3 and A.5.15 fail; A.5.1 fails; A.8.5 error; A.8.9 has no results: no data
    assertEquals(new ControlCounts(1, 3, 1, 1), ControlCounts.of(counts, INDEX));
  }

  @Test
  void aPrimaryCheckWithoutAPassLeavesTheControlWithoutData() {
    var counts = List.of(count("a", "111", 1, 0, 0));
    assertEquals(new ControlCounts(0, 0, 0, 4), ControlCounts.of(counts, INDEX),
        "A.8.24 lacks a pass of b; A.8.3, A.8.5 and A.8.9 have nothing");
    assertEquals(new ControlCounts(0, 0, 0, 4), ControlCounts.of(List.of(), INDEX));
  }
}
