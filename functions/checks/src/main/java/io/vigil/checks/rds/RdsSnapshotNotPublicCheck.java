package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * No manual DB snapshot is public: its {@code restore} attribute does not contain {@code all}.
 * Sharing with named accounts is recorded in the evidence but does not fail the check.
 */
@Singleton
public final class RdsSnapshotNotPublicCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("rds_snapshot_not_public")
      .title("RDS manual DB snapshot is not shared publicly")
      .resourceType("AWS::RDS::DBSnapshot")
      .severity(Severity.CRITICAL)
      .primary("A.8.3")
      .supporting("A.5.15", "A.8.12")
      .rationale("Any AWS account can copy or restore a public DB snapshot, which hands over a"
          + " full copy of the database. Keeping snapshots private (or shared with named"
          + " accounts only) is information access restriction (A.8.3) and prevents data"
          + " leakage (A.8.12).")
      .remediation("aws rds modify-db-snapshot-attribute --db-snapshot-identifier ID"
          + " --attribute-name restore --values-to-remove all.")
      .build();

  public RdsSnapshotNotPublicCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::snapshots);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbSnapshot snapshot, ScanTarget target) {
    var subject = "DB snapshot " + snapshot.id();
    var restore = snapshot.restoreAccounts();
    if (restore.isFailed()) {
      return restore.toErrorObservation(snapshot.arn(), subject);
    }
    var accounts = restore.absentAs(List.of()).value();
    var isPublic = accounts.contains(RdsSnapshot.DbSnapshot.ALL);
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("DBInstanceIdentifier", String.valueOf(snapshot.instanceId()));
    evidence.put("Encrypted", snapshot.encrypted());
    evidence.put("RestoreAttribute", accounts);
    return Observation.of(!isPublic, snapshot.arn(),
        accounts.isEmpty() ? subject + ": not shared"
            : subject + ": shared with " + accounts.size() + " named account(s) only",
        subject + ": public (any AWS account can restore it)", evidence);
  }
}
