package io.vigil.checks.kms;

import static io.vigil.checks.kms.KmsFixtures.ACCOUNT_ONLY;
import static io.vigil.checks.kms.KmsFixtures.AWS_MANAGED;
import static io.vigil.checks.kms.KmsFixtures.CUSTOMER_ENABLED;
import static io.vigil.checks.kms.KmsFixtures.TARGET;
import static io.vigil.checks.kms.KmsFixtures.key;
import static io.vigil.checks.kms.KmsFixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsKeyPolicyNotPublicCheckTest {

  private static final String PUBLIC_DECRYPT = "{\"Statement\":[{\"Sid\":\"Root\",\"Effect\":"
      + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":"
      + "\"kms:*\",\"Resource\":\"*\"},{\"Sid\":\"Anyone\",\"Effect\":\"Allow\",\"Principal\":"
      + "{\"AWS\":\"*\"},\"Action\":[\"kms:Decrypt\",\"kms:DescribeKey\"],\"Resource\":\"*\","
      + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}}]}";
  private static final String CALLER_ACCOUNT = "{\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":"
      + "{\"StringEquals\":{\"kms:CallerAccount\":\"123456789012\"}}}]}";

  private final KmsKeyPolicyNotPublicCheck check = new KmsKeyPolicyNotPublicCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoKey_orOnlyAwsManagedKeys() {
    assertEquals(List.of(), check.evaluate(new KmsSnapshot(List.of()), TARGET));
    var aws = key("aws-1", Lookup.found(AWS_MANAGED), Lookup.absent());
    assertEquals(List.of(), check.evaluate(new KmsSnapshot(List.of(aws)), TARGET));
  }

  @Test
  void evaluate_passes_forTheDefaultPolicy_andACallerAccountCondition() {
    var observations = check.evaluate(new KmsSnapshot(List.of(
        key("k-1", Lookup.found(CUSTOMER_ENABLED), policy(ACCOUNT_ONLY)),
        key("k-2", Lookup.found(CUSTOMER_ENABLED), policy(CALLER_ACCOUNT)))), TARGET);
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("key k-1: key policy has no statement that allows everyone",
        observations.get(0).reason());
  }

  @Test
  void evaluate_fails_forAnyoneWithOnlyAViaServiceCondition() {
    // WHEN
    var o = check.evaluate(new KmsSnapshot(List.of(key("k-3", Lookup.found(CUSTOMER_ENABLED),
        policy(PUBLIC_DECRYPT)))), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("key k-3: key policy statement Anyone (Allow kms:Decrypt, kms:DescribeKey)"
        + " allows everyone", o.reason());
    assertEquals(List.of("Anyone"), o.evidence().get("publicStatements"));
    assertEquals(2, o.evidence().get("statementCount"));
  }

  @Test
  void evaluate_errorsPerKey_whenDescriptionOrPolicyCouldNotBeRead() {
    var observations = check.evaluate(new KmsSnapshot(List.of(
        key("k-x", Lookup.failed("DescribeKey failed: AccessDeniedException"), Lookup.absent()),
        key("k-y", Lookup.found(CUSTOMER_ENABLED),
            Lookup.failed("GetKeyPolicy failed: AccessDeniedException")),
        key("k-z", Lookup.found(CUSTOMER_ENABLED), policy(ACCOUNT_ONLY)))), TARGET);
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("key k-y: GetKeyPolicy failed: AccessDeniedException",
        observations.get(1).reason());
  }

  @Test
  void evaluate_isNotApplicable_whenThePolicyWasNotRead() {
    var o = check.evaluate(new KmsSnapshot(List.of(key("k-n", Lookup.found(CUSTOMER_ENABLED),
        Lookup.absent()))), TARGET).get(0);
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
  }
}
