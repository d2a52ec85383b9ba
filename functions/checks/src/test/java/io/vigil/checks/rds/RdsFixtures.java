package io.vigil.checks.rds;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.List;

/** Hand-written RDS snapshots for the check tests. */
final class RdsFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final String PREFIX = "arn:aws:rds:eu-west-1:123456789012:";

  private RdsFixtures() {}

  /** A standalone instance with every setting compliant. */
  static RdsSnapshot.DbInstance good(String id) {
    return new RdsSnapshot.DbInstance(id, PREFIX + "db:" + id, "postgres", null, true,
        "arn:aws:kms:eu-west-1:123456789012:key/k", false, 7, true, true, true);
  }

  /** A standalone instance with every setting non-compliant. */
  static RdsSnapshot.DbInstance bad(String id) {
    return new RdsSnapshot.DbInstance(id, PREFIX + "db:" + id, "mysql", null, false, null, true,
        0, false, false, false);
  }

  /** A non-compliant member of an Aurora cluster. */
  static RdsSnapshot.DbInstance member(String id, String cluster) {
    return new RdsSnapshot.DbInstance(id, PREFIX + "db:" + id, "aurora-postgresql", cluster,
        false, null, true, 1, false, false, false);
  }

  static RdsSnapshot.DbInstance withRetention(String id, int days) {
    return new RdsSnapshot.DbInstance(id, PREFIX + "db:" + id, "postgres", null, true, null,
        false, days, true, true, true);
  }

  static RdsSnapshot.DbCluster cluster(String id, boolean compliant, int retention) {
    return new RdsSnapshot.DbCluster(id, PREFIX + "cluster:" + id, "aurora-mysql", compliant,
        compliant ? "arn:aws:kms:eu-west-1:123456789012:key/c" : null, retention, compliant);
  }

  static RdsSnapshot.DbSnapshot dbSnapshot(String id, Lookup<List<String>> restore) {
    return new RdsSnapshot.DbSnapshot(id, PREFIX + "snapshot:" + id, "db-1", true, restore);
  }

  static RdsSnapshot instances(RdsSnapshot.DbInstance... instances) {
    return new RdsSnapshot(List.of(instances), List.of(), List.of());
  }

  static RdsSnapshot clusters(RdsSnapshot.DbCluster... clusters) {
    return new RdsSnapshot(List.of(), List.of(clusters), List.of());
  }

  static RdsSnapshot snapshots(RdsSnapshot.DbSnapshot... snapshots) {
    return new RdsSnapshot(List.of(), List.of(), List.of(snapshots));
  }

  static RdsSnapshot empty() {
    return new RdsSnapshot(List.of(), List.of(), List.of());
  }

  static List<CheckStatus> statuses(List<Observation> observations) {
    return observations.stream().map(Observation::status).toList();
  }
}
