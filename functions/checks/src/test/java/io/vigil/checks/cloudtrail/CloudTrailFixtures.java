package io.vigil.checks.cloudtrail;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.ScanTarget;

/** Plain-data trails for the CloudTrail check tests. */
final class CloudTrailFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  private CloudTrailFixtures() {}

  /** A logging single-region trail in eu-west-1 with the given optional settings. */
  static CloudTrailSnapshot.Trail trail(
      String name, boolean validation, String kmsKeyId, String logGroupArn) {
    return new CloudTrailSnapshot.Trail(name, "arn:aws:cloudtrail:eu-west-1:123456789012:trail/"
        + name, "eu-west-1", false, false, validation, Lookup.found(true), kmsKeyId, logGroupArn,
        "acme-trail-logs");
  }
}
