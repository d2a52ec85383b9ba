package io.vigil.domain.audit;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.control.ControlId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@link AuditEvidence} from Vigil's own check results: for each check the catalogue maps to the
 * control (primary or supporting), the latest result on every resource, counted by status, if
 * observed at or after the start of the period (older latest results belong to resources no
 * longer seen and are left out).
 */
public final class CheckResultsEvidence implements AuditEvidence {

  private final ResultRepository results;
  private final CheckIndex index;

  public CheckResultsEvidence(ResultRepository results, CheckIndex index) {
    this.results = Objects.requireNonNull(results, "results");
    this.index = Objects.requireNonNull(index, "index");
  }

  @Override
  public List<CheckEvidence> forControl(ControlId control, Instant since) {
    var out = new ArrayList<CheckEvidence>();
    for (var check : index.checksFor(control)) {
      int passed = 0;
      int failed = 0;
      int errors = 0;
      int notApplicable = 0;
      Instant latest = null;
      var failing = new ArrayList<CheckResult>();
      for (var r : results.findLatestOfCheck(new CheckId(check.id()))) {
        if (r.observedAt() == null || r.observedAt().isBefore(since)) {
          continue;
        }
        latest = latest == null || r.observedAt().isAfter(latest) ? r.observedAt() : latest;
        switch (r.status()) {
          case PASS -> passed++;
          case FAIL -> {
            failed++;
            failing.add(r);
          }
          case ERROR -> errors++;
          case NOT_APPLICABLE -> notApplicable++;
        }
      }
      if (passed + failed + errors + notApplicable == 0) {
        continue;
      }
      failing.sort(Comparator.comparing(CheckResult::accountId)
          .thenComparing(CheckResult::resourceArn));
      var listed = failing.stream().limit(CheckEvidence.MAX_FAILING)
          .map(r -> new CheckEvidence.FailingResource(r.accountId(), r.resourceArn(),
              r.observedAt(), r.evidenceSha256() == null ? null : r.evidenceSha256().hex(),
              r.reason()))
          .toList();
      out.add(new CheckEvidence(check.id(), check.title(), passed, failed, errors,
          notApplicable, latest, listed));
    }
    return out;
  }
}
