package io.vigil.domain.collection;

import io.vigil.domain.check.CheckResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: check results. The latest result per subject (account, check, resource) is the current
 * state; a run stores only the results that differ from it (delta writes), while the run manifest in
 * the evidence vault lists every result of the run.
 */
public interface ResultRepository {

  /** Stores the results of a run and makes each the latest for its subject. Idempotent. */
  void saveAll(List<CheckResult> results);

  /** The results a run stored (its changes), ordered by subject. */
  List<CheckResult> findByRun(String runId);

  /** The most recent result for (account, check, resource). */
  Optional<CheckResult> findLatest(String subjectKey);

  /** The most recent results of many subjects at once (batched reads); absent subjects are left out. */
  Map<String, CheckResult> findLatest(Collection<String> subjectKeys);

  /**
   * The latest result of one check on every subject it evaluated (every account and resource),
   * read from an index by check (a Query, never a scan), ordered by account then resource.
   */
  List<CheckResult> findLatestOfCheck(io.vigil.domain.check.CheckId checkId);
}
