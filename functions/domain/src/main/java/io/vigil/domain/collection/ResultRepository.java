package io.vigil.domain.collection;

import io.vigil.domain.check.CheckResult;
import java.util.List;
import java.util.Optional;

/** Port: check results, per run (the evidence manifest) and latest per subject. */
public interface ResultRepository {

  /** Stores the results of a run and makes each the latest for its subject. Idempotent. */
  void saveAll(List<CheckResult> results);

  /** Every result of one run. */
  List<CheckResult> findByRun(String runId);

  /** The most recent result for (account, check, resource). */
  Optional<CheckResult> findLatest(String subjectKey);
}
