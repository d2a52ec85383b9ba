package io.vigil.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Vigil's automated checks showed for an audited control when the conclusion was recorded:
 * the latest result of one check on every resource it evaluates, counted by status, with the
 * failing resources (at most {@link #MAX_FAILING} listed, each with the SHA-256 address of its
 * evidence in the vault). Linked to the conclusion automatically, so the audit report shows the
 * evidence the auditor had.
 *
 * @param latestObservedAt the newest observation among the counted results (null when none)
 * @param failingListed failing resources listed (the first {@value #MAX_FAILING} by account and
 *     ARN); {@code failed} counts them all
 */
public record CheckEvidence(String checkId, String title, int passed, int failed, int errors,
    int notApplicable, Instant latestObservedAt, List<FailingResource> failingListed) {

  /** Most failing resources listed per check. */
  public static final int MAX_FAILING = 10;

  /** One failing resource and the address of its evidence. */
  public record FailingResource(String accountId, String resourceArn, Instant observedAt,
      String evidenceSha256, String reason) {}

  public CheckEvidence {
    Objects.requireNonNull(checkId, "checkId");
    title = title == null ? checkId : title;
    failingListed = List.copyOf(failingListed == null ? List.of() : failingListed);
  }

  public int total() {
    return passed + failed + errors + notApplicable;
  }
}
