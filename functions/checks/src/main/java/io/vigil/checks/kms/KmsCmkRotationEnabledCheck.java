package io.vigil.checks.kms;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every enabled, customer managed, symmetric KMS key with KMS-generated material has automatic
 * rotation on. AWS managed keys are omitted (AWS rotates them and the customer cannot change
 * them); other customer managed keys (disabled, pending deletion, asymmetric, HMAC, imported or
 * custom-key-store material) are NOT_APPLICABLE with the reason.
 */
@Singleton
public final class KmsCmkRotationEnabledCheck
    extends ResourceCheck<KmsSnapshot, KmsSnapshot.Key> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("kms_cmk_rotation_enabled")
      .title("KMS customer managed symmetric key rotates its key material automatically")
      .resourceType("AWS::KMS::Key")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .rationale("Cryptographic key management, part of the use of cryptography (A.8.24), includes"
          + " changing keys periodically so that the data protected by one key version stays"
          + " bounded. KMS rotates the material of enabled symmetric customer managed keys yearly"
          + " (or on the configured period) once rotation is on, without re-encrypting data.")
      .remediation("aws kms enable-key-rotation --key-id KEY_ID"
          + " [--rotation-period-in-days 90..2560] (CDK: enableKeyRotation: true).")
      .build();

  public KmsCmkRotationEnabledCheck() {
    super(METADATA, KmsSnapshot.class, KmsSnapshot::keys);
  }

  /** Customer managed keys, and keys whose manager could not be read (they become ERROR). */
  private static boolean inScope(KmsSnapshot.Key key) {
    return key.description().isFailed() || key.description().value().customerManaged();
  }

  @Override
  protected Observation judge(KmsSnapshot.Key key, ScanTarget target) {
    if (!inScope(key)) {
      return null;
    }
    var subject = "key " + key.id();
    if (key.description().isFailed()) {
      return key.description().toErrorObservation(key.arn(), subject);
    }
    var d = key.description().value();
    if (!d.rotationApplies()) {
      return Observation.notApplicable(key.arn(), subject + ": automatic rotation does not apply"
          + " (state " + d.state() + ", spec " + d.spec() + ", origin " + d.origin() + ")");
    }
    var rotation = key.rotationEnabled();
    if (rotation.isFailed()) {
      return rotation.toErrorObservation(key.arn(), subject);
    }
    var enabled = Boolean.TRUE.equals(rotation.value());
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("KeyManager", d.manager());
    evidence.put("KeyState", d.state());
    evidence.put("KeySpec", d.spec());
    evidence.put("Origin", d.origin());
    evidence.put("KeyRotationEnabled", enabled);
    return Observation.of(enabled, key.arn(),
        subject + ": automatic key rotation is enabled",
        subject + ": automatic key rotation is disabled",
        evidence);
  }
}
