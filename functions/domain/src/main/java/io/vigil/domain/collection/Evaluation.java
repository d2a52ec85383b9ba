package io.vigil.domain.collection;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.evidence.EvidenceDocument;
import java.util.Objects;

/** A check result together with the check that produced it and the evidence it rests on. */
public record Evaluation(CheckMetadata check, CheckResult result, EvidenceDocument evidence) {
  public Evaluation {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(evidence, "evidence");
    if (!result.evidenceSha256().equals(evidence.sha256())) {
      throw new IllegalArgumentException("result does not point at its evidence");
    }
  }
}
