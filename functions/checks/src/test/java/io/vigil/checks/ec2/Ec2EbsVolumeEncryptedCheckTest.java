package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static io.vigil.checks.ec2.Ec2Fixtures.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2EbsVolumeEncryptedCheckTest {

  private final Ec2EbsVolumeEncryptedCheck check = new Ec2EbsVolumeEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoVolume() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passes_andNamesTheKey() {
    var o = check.evaluate(snapshot().volumes(volume("vol-1", true)).build(), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:ec2:eu-west-1:123456789012:volume/vol-1", o.resourceArn());
    assertEquals("volume vol-1: is encrypted with arn:aws:kms:eu-west-1:123456789012:key/k-1",
        o.reason());
  }

  @Test
  void evaluate_fails_forAnUnencryptedVolume() {
    var o = check.evaluate(snapshot().volumes(volume("vol-2", false)).build(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("volume vol-2 (in-use): is not encrypted", o.reason());
    assertEquals(false, o.evidence().get("encrypted"));
    assertFalse(o.evidence().containsKey("kmsKeyId"));
  }

  @Test
  void evaluate_judgesEveryVolume() {
    var observations = check.evaluate(snapshot().volumes(volume("vol-a", false),
        volume("vol-b", true)).build(), TARGET);
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
  }
}
