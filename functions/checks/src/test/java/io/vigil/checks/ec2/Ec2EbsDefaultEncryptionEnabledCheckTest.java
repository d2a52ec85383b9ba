package io.vigil.checks.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import org.junit.jupiter.api.Test;

class Ec2EbsDefaultEncryptionEnabledCheckTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-central-1");

  private final Ec2EbsDefaultEncryptionEnabledCheck check =
      new Ec2EbsDefaultEncryptionEnabledCheck();

  @Test
  void evaluate_passes_whenEncryptionByDefaultIsOn() {
    // GIVEN
    var snapshot = Ec2Fixtures.withEbsDefault(Lookup.found(true));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN one observation about the region's EC2 scope
    assertEquals(1, observations.size());
    var o = observations.get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:ec2:eu-central-1:123456789012:*", o.resourceArn());
    assertEquals(true, o.evidence().get("EbsEncryptionByDefault"));
  }

  @Test
  void evaluate_fails_whenEncryptionByDefaultIsOff() {
    // GIVEN
    var snapshot = Ec2Fixtures.withEbsDefault(Lookup.found(false));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("region eu-central-1: EBS encryption by default is off", o.reason());
  }

  @Test
  void evaluate_errors_whenSettingCouldNotBeRead() {
    // GIVEN
    var snapshot = Ec2Fixtures.withEbsDefault(
        Lookup.failed("GetEbsEncryptionByDefault failed: UnauthorizedOperation"));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
  }
}
