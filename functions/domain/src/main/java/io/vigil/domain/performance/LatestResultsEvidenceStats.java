package io.vigil.domain.performance;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.collection.ResultRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link EvidenceStats} from the latest results themselves: one Query per check of the catalogue
 * (index by check), counted per account. Reads every latest result once.
 */
public final class LatestResultsEvidenceStats implements EvidenceStats {

  private final ResultRepository results;
  private final CheckIndex checks;

  public LatestResultsEvidenceStats(ResultRepository results, CheckIndex checks) {
    this.results = Objects.requireNonNull(results, "results");
    this.checks = Objects.requireNonNull(checks, "checks");
  }

  @Override
  public List<CheckCount> latestCounts() {
    var out = new ArrayList<CheckCount>();
    for (var check : checks.all()) {
      var byAccount = new TreeMap<String, long[]>();
      var latest = new TreeMap<String, Instant>();
      for (var r : results.findLatestOfCheck(new CheckId(check.id()))) {
        var c = byAccount.computeIfAbsent(r.accountId(), k -> new long[4]);
        c[r.status().ordinal()]++;
        latest.merge(r.accountId(), r.observedAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
      byAccount.forEach((account, c) -> out.add(new CheckCount(check.id(), account,
          c[io.vigil.domain.check.CheckStatus.PASS.ordinal()],
          c[io.vigil.domain.check.CheckStatus.FAIL.ordinal()],
          c[io.vigil.domain.check.CheckStatus.ERROR.ordinal()],
          c[io.vigil.domain.check.CheckStatus.NOT_APPLICABLE.ordinal()], latest.get(account))));
    }
    return out;
  }
}
