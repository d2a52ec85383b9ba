package io.vigil.checks.backup;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.ScanTarget;
import java.util.List;

/** Hand-written AWS Backup snapshots for the check tests. */
final class BackupFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final String SCOPE = "arn:aws:backup:eu-west-1:123456789012:*";

  private BackupFixtures() {}

  static BackupSnapshot.Plan plan(String name, Lookup<Integer> rules) {
    return new BackupSnapshot.Plan("id-" + name, name,
        "arn:aws:backup:eu-west-1:123456789012:backup-plan:id-" + name, rules);
  }

  static BackupSnapshot.Vault vault(String name, boolean locked, Long min) {
    return new BackupSnapshot.Vault(name,
        "arn:aws:backup:eu-west-1:123456789012:backup-vault:" + name,
        "arn:aws:kms:eu-west-1:123456789012:key/v", locked, min, null, 3L);
  }

  static BackupSnapshot plans(Lookup<List<String>> reports, BackupSnapshot.Plan... plans) {
    return new BackupSnapshot(List.of(plans), List.of(), reports);
  }
}
