package io.vigil.functions.collectevidence;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.CollectionService;

/**
 * The function's response: what the run did, that it had already been done ({@code duplicate}),
 * or why nothing needed doing ({@code ignored}). With the SQS fan-out the units run elsewhere:
 * {@code dispatched} counts them and the result counts stay zero. {@code targets} counts the run's
 * units: account × region, and × service group when the run fans out per group.
 */
@Serdeable
public record CollectionResponse(
    String runId,
    boolean duplicate,
    String ignored,
    String trigger,
    int targets,
    int dispatched,
    int pass,
    int fail,
    int error,
    int notApplicable,
    int resultsWritten,
    int findingsOpened,
    int findingsRecovered,
    int evidenceObjects,
    String startedAt,
    String completedAt) {

  static CollectionResponse of(CollectionService.RunOutcome outcome) {
    var s = outcome.summary();
    int written = outcome.units().stream().mapToInt(CollectionService.UnitOutcome::resultsWritten).sum();
    int recovered = outcome.units().stream()
        .mapToInt(CollectionService.UnitOutcome::findingsRecovered).sum();
    return new CollectionResponse(s.runId(), outcome.duplicate(), null, s.trigger(), s.targets(),
        outcome.dispatched(), s.count(CheckStatus.PASS), s.count(CheckStatus.FAIL),
        s.count(CheckStatus.ERROR), s.count(CheckStatus.NOT_APPLICABLE), written,
        s.findingsOpened(), recovered, s.evidenceObjects(), String.valueOf(s.startedAt()),
        String.valueOf(s.completedAt()));
  }

  static CollectionResponse ignored(CollectionTrigger trigger) {
    return ignored(trigger, trigger.ignored());
  }

  static CollectionResponse ignored(CollectionTrigger trigger, String why) {
    return new CollectionResponse(trigger.runId(), false, why, trigger.describe(), 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
  }
}
