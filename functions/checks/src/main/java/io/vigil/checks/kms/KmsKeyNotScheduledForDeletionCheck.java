package io.vigil.checks.kms;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * No customer managed KMS key is pending deletion (or pending replica deletion). AWS managed keys
 * are omitted; keys whose description could not be read are ERROR.
 */
@Singleton
public final class KmsKeyNotScheduledForDeletionCheck
    extends ResourceCheck<KmsSnapshot, KmsSnapshot.Key> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "kms_key_not_scheduled_for_deletion")
      .title("KMS customer managed key is not scheduled for deletion")
      .resourceType("AWS::KMS::Key")
      .severity(Severity.HIGH)
      .primary("A.8.24")
      .supporting("A.8.13")
      .rationale("Deleting a KMS key makes every ciphertext, snapshot, backup and object it"
          + " encrypted permanently unrecoverable once the 7 to 30 day waiting period ends."
          + " Cryptographic key management (A.8.24) includes controlled key destruction; a key"
          + " pending deletion must be a deliberate, reviewed decision, not an accident or an"
          + " attack on recoverability (A.8.13). A FAIL is a prompt to confirm or cancel it"
          + " before the deletion date.")
      .remediation("If the deletion is not intended: aws kms cancel-key-deletion --key-id KEY_ID,"
          + " then aws kms enable-key --key-id KEY_ID. Alert on ScheduleKeyDeletion with an"
          + " EventBridge rule, and restrict kms:ScheduleKeyDeletion to key administrators.")
      .build();

  public KmsKeyNotScheduledForDeletionCheck() {
    super(METADATA, KmsSnapshot.class, KmsSnapshot::keys);
  }

  @Override
  protected Observation judge(KmsSnapshot.Key key, ScanTarget target) {
    var subject = "key " + key.id();
    if (key.description().isFailed()) {
      return key.description().toErrorObservation(key.arn(), subject);
    }
    var d = key.description().value();
    if (!d.customerManaged()) {
      return null;
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("KeyState", d.state());
    evidence.put("DeletionDate", d.deletionDate() == null ? "none" : d.deletionDate().toString());
    return Observation.of(!d.pendingDeletion(), key.arn(),
        subject + ": is not scheduled for deletion (state " + d.state() + ")",
        subject + ": is " + d.state() + (d.deletionDate() == null ? ""
            : ", to be deleted on " + d.deletionDate()),
        evidence);
  }
}
