package io.vigil.domain.collection;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.Treatment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a failing check becomes a finding: its classification and the time allowed to treat it, by
 * severity. An automated failure is raised as a minor nonconformity when the check is critical or
 * high, otherwise as an observation; people can reclassify it (a major nonconformity is a judgement
 * about the whole ISMS that a single failing resource does not justify on its own).
 */
public final class FindingPolicy {

  private final Map<Severity, Integer> daysToDue;

  public FindingPolicy(Map<Severity, Integer> daysToDue) {
    var copy = new EnumMap<Severity, Integer>(Severity.class);
    for (var s : Severity.values()) {
      var days = daysToDue.get(s);
      if (days == null || days < 1) {
        throw new IllegalArgumentException("days to due date for " + s.label() + " must be >= 1");
      }
      copy.put(s, days);
    }
    this.daysToDue = Map.copyOf(copy);
  }

  /** Defaults: critical 7 days, high 30, medium 90, low 180, informational 365. */
  public static FindingPolicy defaults() {
    return new FindingPolicy(Map.of(
        Severity.CRITICAL, 7, Severity.HIGH, 30, Severity.MEDIUM, 90, Severity.LOW, 180,
        Severity.INFORMATIONAL, 365));
  }

  public FindingType typeFor(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> FindingType.MINOR_NONCONFORMITY;
      case MEDIUM, LOW, INFORMATIONAL -> FindingType.OBSERVATION;
    };
  }

  public LocalDate dueDate(Severity severity, LocalDate raisedOn) {
    return raisedOn.plusDays(daysToDue.get(severity));
  }

  /**
   * The finding a failing result raises. Its id is derived from the subject and the run, so that a
   * re-run of the same trigger proposes the same finding.
   */
  public Finding findingFor(CheckMetadata check, CheckResult result) {
    if (result.status() != CheckStatus.FAIL) {
      throw new IllegalArgumentException("only a FAIL result raises a finding, got " + result.status());
    }
    var id = FindingId.of("F-" + Sha256.of(result.subjectKey() + "|" + result.runId()).hex().substring(0, 20));
    var raisedOn = LocalDate.ofInstant(result.observedAt(), ZoneOffset.UTC);
    return new Finding(
        id,
        typeFor(check.severity()),
        FindingSource.AUTOMATED_CHECK,
        FindingStatus.OPEN,
        check.title() + ": not met",
        result.reason() + "\nRemediation: " + check.remediation(),
        check.severity(),
        check.controlIds(),
        List.of(),
        check.id(),
        result.accountId(),
        result.region(),
        result.resourceArn(),
        result.observedAt(),
        dueDate(check.severity(), raisedOn),
        null,
        null,
        result.observedAt(),
        null,
        null,
        null,
        Treatment.none(),
        0);
  }
}
