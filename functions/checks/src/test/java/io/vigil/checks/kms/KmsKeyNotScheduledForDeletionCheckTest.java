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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsKeyNotScheduledForDeletionCheckTest {

  private final KmsKeyNotScheduledForDeletionCheck check = new KmsKeyNotScheduledForDeletionCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoKey_orOnlyAwsManagedKeys() {
    assertEquals(List.of(), check.evaluate(new KmsSnapshot(List.of()), TARGET));
    var aws = key("aws-1", Lookup.found(AWS_MANAGED), Lookup.absent());
    assertEquals(List.of(), check.evaluate(new KmsSnapshot(List.of(aws)), TARGET));
  }

  @Test
  void evaluate_passes_forEnabledAndDisabledKeys() {
    var disabled = new KmsSnapshot.Description("CUSTOMER", "Disabled", "RSA_2048", "AWS_KMS");
    var observations = check.evaluate(new KmsSnapshot(List.of(
        key("k-1", Lookup.found(CUSTOMER_ENABLED), policy(ACCOUNT_ONLY)),
        key("k-2", Lookup.found(disabled), policy(ACCOUNT_ONLY)))), TARGET);
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("key k-2: is not scheduled for deletion (state Disabled)",
        observations.get(1).reason());
  }

  @Test
  void evaluate_fails_forAKeyPendingDeletion_withItsDate() {
    // GIVEN
    var pending = new KmsSnapshot.Description("CUSTOMER", "PendingDeletion", "SYMMETRIC_DEFAULT",
        "AWS_KMS", Instant.parse("2026-07-07T00:00:00Z"));
    // WHEN
    var o = check.evaluate(new KmsSnapshot(List.of(key("k-3", Lookup.found(pending),
        policy(ACCOUNT_ONLY)))), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("key k-3: is PendingDeletion, to be deleted on 2026-07-07T00:00:00Z", o.reason());
    assertEquals("2026-07-07T00:00:00Z", o.evidence().get("DeletionDate"));
  }

  @Test
  void evaluate_fails_forPendingReplicaDeletion_andErrorsForAnUndescribedKey() {
    var replica = new KmsSnapshot.Description("CUSTOMER", "PendingReplicaDeletion",
        "SYMMETRIC_DEFAULT", "AWS_KMS");
    var observations = check.evaluate(new KmsSnapshot(List.of(
        key("k-r", Lookup.found(replica), Lookup.absent()),
        key("k-x", Lookup.failed("DescribeKey failed: AccessDeniedException"), Lookup.absent()))),
        TARGET);
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.ERROR),
        observations.stream().map(Observation::status).toList());
    assertEquals("key k-r: is PendingReplicaDeletion", observations.get(0).reason());
  }
}
