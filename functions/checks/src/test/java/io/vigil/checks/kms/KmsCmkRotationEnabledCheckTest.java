package io.vigil.checks.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsCmkRotationEnabledCheckTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  private static final KmsSnapshot.Description CUSTOMER_SYMMETRIC =
      new KmsSnapshot.Description("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS");

  private final KmsCmkRotationEnabledCheck check = new KmsCmkRotationEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoKey() {
    assertEquals(List.of(), check.evaluate(new KmsSnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_omitsAwsManagedKeys() {
    // GIVEN
    var awsManaged = key("aws-1", Lookup.found(
        new KmsSnapshot.Description("AWS", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS")),
        Lookup.absent());
    // WHEN / THEN
    assertEquals(List.of(), check.evaluate(new KmsSnapshot(List.of(awsManaged)), TARGET));
  }

  @Test
  void evaluate_passes_whenRotationIsEnabled() {
    // GIVEN
    var k = key("k-1", Lookup.found(CUSTOMER_SYMMETRIC), Lookup.found(true));
    // WHEN
    var o = check.evaluate(new KmsSnapshot(List.of(k)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:kms:eu-west-1:123456789012:key/k-1", o.resourceArn());
    assertEquals(true, o.evidence().get("KeyRotationEnabled"));
    assertEquals("CUSTOMER", o.evidence().get("KeyManager"));
  }

  @Test
  void evaluate_fails_whenRotationIsDisabled() {
    // GIVEN
    var k = key("k-2", Lookup.found(CUSTOMER_SYMMETRIC), Lookup.found(false));
    // WHEN
    var o = check.evaluate(new KmsSnapshot(List.of(k)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("key k-2: automatic key rotation is disabled", o.reason());
  }

  @Test
  void evaluate_isNotApplicable_forDisabledAsymmetricAndImportedKeys() {
    // GIVEN
    var disabled = key("k-off", Lookup.found(
        new KmsSnapshot.Description("CUSTOMER", "Disabled", "SYMMETRIC_DEFAULT", "AWS_KMS")),
        Lookup.absent());
    var rsa = key("k-rsa", Lookup.found(
        new KmsSnapshot.Description("CUSTOMER", "Enabled", "RSA_2048", "AWS_KMS")),
        Lookup.absent());
    var imported = key("k-imp", Lookup.found(
        new KmsSnapshot.Description("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "EXTERNAL")),
        Lookup.absent());
    // WHEN
    var observations = check.evaluate(new KmsSnapshot(List.of(disabled, rsa, imported)), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.NOT_APPLICABLE, CheckStatus.NOT_APPLICABLE,
        CheckStatus.NOT_APPLICABLE), observations.stream().map(Observation::status).toList());
    assertEquals("key k-rsa: automatic rotation does not apply (state Enabled, spec RSA_2048,"
        + " origin AWS_KMS)", observations.get(1).reason());
  }

  @Test
  void evaluate_errorsPerKey_whenDescribeOrRotationStatusFailed() {
    // GIVEN
    var undescribed = key("k-x", Lookup.failed("DescribeKey failed: AccessDeniedException"),
        Lookup.absent());
    var unrotated = key("k-y", Lookup.found(CUSTOMER_SYMMETRIC),
        Lookup.failed("GetKeyRotationStatus failed: AccessDeniedException"));
    var fine = key("k-z", Lookup.found(CUSTOMER_SYMMETRIC), Lookup.found(true));
    // WHEN
    var observations = check.evaluate(new KmsSnapshot(List.of(undescribed, unrotated, fine)),
        TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
  }

  private static KmsSnapshot.Key key(
      String id, Lookup<KmsSnapshot.Description> description, Lookup<Boolean> rotation) {
    return new KmsSnapshot.Key(id, "arn:aws:kms:eu-west-1:123456789012:key/" + id, description,
        rotation, Lookup.absent());
  }
}
