package io.vigil.functions.collectevidence.estate;

import java.util.Objects;

/**
 * One misconfiguration of the acceptance estate: a resource that the check {@code checkId} must
 * fail, and its correctly configured twin that differs from it only in the judged property and
 * must not fail. For an account- or region-wide setting the twin is the same setting in the other
 * account or region.
 *
 * @param description what differs, for the failure message
 * @param checkId the check that judges the property
 * @param bad where the FAIL is expected
 * @param good where no FAIL (and a PASS) is expected
 */
public record Twin(String description, String checkId, Subject bad, Subject good) {

  /**
   * One result subject: the account and region the result is recorded under and the ARN the check
   * names. Account-scoped services (IAM, S3, CloudTrail, Account) are recorded in the home region,
   * the first scanned region.
   *
   * @param account the 12-digit account id
   * @param region the region of the scan target
   * @param arn the resource ARN the check reports
   */
  public record Subject(String account, String region, String arn) {

    public Subject {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(arn, "arn");
    }

    @Override
    public String toString() {
      return arn + " (" + account + "/" + region + ")";
    }
  }

  public Twin {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(bad, "bad");
    Objects.requireNonNull(good, "good");
  }

  /** Two resources side by side in one account and region. */
  public static Twin of(String description, String checkId, String account, String region,
      String badArn, String goodArn) {
    return new Twin(description, checkId, new Subject(account, region, badArn),
        new Subject(account, region, goodArn));
  }
}
