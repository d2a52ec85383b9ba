package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * No EBS snapshot the account owns grants createVolumePermission to the group {@code all}, i.e.
 * lets every AWS account create a volume from it.
 */
@Singleton
public final class Ec2EbsSnapshotNotPublicCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.EbsSnapshot> {

  static final String ALL = "all";

  private static final CheckMetadata METADATA = CheckMetadata.builder("ec2_ebs_snapshot_not_public")
      .title("EBS snapshot owned by the account is not shared publicly")
      .resourceType("AWS::EC2::Snapshot")
      .severity(Severity.CRITICAL)
      .primary("A.8.3")
      .supporting("A.8.12")
      .rationale("A public snapshot lets any AWS account create a volume with a full copy of the"
          + " disk: databases, keys, credentials in configuration files. Researchers routinely"
          + " harvest secrets from public snapshots. Restricting access to information (A.8.3)"
          + " and preventing data leakage (A.8.12) require that none is public; sharing with"
          + " named accounts is accepted and listed in the evidence.")
      .remediation("aws ec2 modify-snapshot-attribute --snapshot-id ID --attribute"
          + " createVolumePermission --operation-type remove --group-names all; share with"
          + " specific accounts instead (--user-ids) and turn on block public access for"
          + " snapshots (aws ec2 enable-snapshot-block-public-access --state block-all-sharing).")
      .build();

  public Ec2EbsSnapshotNotPublicCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::snapshots);
  }

  @Override
  protected Observation judge(Ec2Snapshot.EbsSnapshot snapshot, ScanTarget target) {
    var subject = "snapshot " + snapshot.id();
    var lookup = snapshot.createVolumePermissions();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(snapshot.arn(), subject);
    }
    var grantees = lookup.value();
    var accounts = grantees.stream().filter(g -> !ALL.equals(g)).toList();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("public", grantees.contains(ALL));
    evidence.put("sharedWithAccounts", accounts);
    return Observation.of(!grantees.contains(ALL), snapshot.arn(),
        subject + ": is not public" + (accounts.isEmpty() ? ""
            : " (shared with " + accounts.size() + (accounts.size() == 1 ? " account)"
                : " accounts)")),
        subject + ": any AWS account can create a volume from it (createVolumePermission all)",
        evidence);
  }
}
