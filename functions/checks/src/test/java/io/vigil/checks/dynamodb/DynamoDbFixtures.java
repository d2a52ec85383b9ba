package io.vigil.checks.dynamodb;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.List;

/** Hand-written DynamoDB snapshots for the check tests. */
final class DynamoDbFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/cmk";

  private DynamoDbFixtures() {}

  static String arn(String name) {
    return "arn:aws:dynamodb:eu-west-1:123456789012:table/" + name;
  }

  /** A table with PITR, deletion protection and a customer managed key. */
  static DynamoDbSnapshot.Table good(String name) {
    return new DynamoDbSnapshot.Table(name, arn(name), Lookup.found(
        new DynamoDbSnapshot.Description(arn(name), "ACTIVE", true, "KMS", KEY)),
        Lookup.found(true), Lookup.found("CUSTOMER"));
  }

  /** A table with the defaults: no PITR, no deletion protection, AWS owned key. */
  static DynamoDbSnapshot.Table plain(String name) {
    return new DynamoDbSnapshot.Table(name, arn(name), Lookup.found(
        new DynamoDbSnapshot.Description(arn(name), "ACTIVE", false, null, null)),
        Lookup.found(false), Lookup.absent());
  }

  /** A table whose reads failed. */
  static DynamoDbSnapshot.Table unreadable(String name) {
    return new DynamoDbSnapshot.Table(name, arn(name),
        Lookup.failed("DescribeTable failed: AccessDeniedException"),
        Lookup.failed("DescribeContinuousBackups failed: AccessDeniedException"),
        Lookup.absent());
  }

  static DynamoDbSnapshot of(DynamoDbSnapshot.Table... tables) {
    return new DynamoDbSnapshot(List.of(tables));
  }

  static List<CheckStatus> statuses(List<Observation> observations) {
    return observations.stream().map(Observation::status).toList();
  }
}
