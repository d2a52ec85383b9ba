package io.vigil.functions.collectevidence;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.CollectionService;

/** The function's response: what the run did, or that it had already been done. */
@Serdeable
public record CollectionResponse(
    String runId,
    boolean duplicate,
    String trigger,
    int targets,
    int pass,
    int fail,
    int error,
    int notApplicable,
    int findingsOpened,
    int evidenceObjects,
    String startedAt,
    String completedAt) {

  static CollectionResponse of(CollectionService.Outcome outcome) {
    var s = outcome.summary();
    return new CollectionResponse(s.runId(), outcome.duplicate(), s.trigger(), s.targets(),
        s.count(CheckStatus.PASS), s.count(CheckStatus.FAIL), s.count(CheckStatus.ERROR),
        s.count(CheckStatus.NOT_APPLICABLE), s.findingsOpened(), s.evidenceObjects(),
        String.valueOf(s.startedAt()), String.valueOf(s.completedAt()));
  }
}
