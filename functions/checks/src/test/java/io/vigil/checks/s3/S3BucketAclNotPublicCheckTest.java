package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.ALL_BLOCKED;
import static io.vigil.checks.s3.S3Fixtures.OWNER_FULL_CONTROL;
import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static io.vigil.checks.s3.S3Fixtures.group;
import static io.vigil.checks.s3.S3Fixtures.open;
import static io.vigil.checks.s3.S3Fixtures.snapshot;
import static io.vigil.checks.s3.S3Fixtures.withAcl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketAclNotPublicCheckTest {

  private final S3BucketAclNotPublicCheck check = new S3BucketAclNotPublicCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenOnlyTheOwnerAndLogDeliveryAreGranted() {
    // GIVEN
    var b = withAcl(open("acme-private"), Lookup.found(List.of(OWNER_FULL_CONTROL,
        group("LogDelivery", "WRITE"))));
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("bucket acme-private: ACL grants nothing to AllUsers or AuthenticatedUsers",
        o.reason());
    assertEquals(2, o.evidence().get("grantCount"));
  }

  @Test
  void evaluate_fails_andNamesEveryPublicGrant() {
    // GIVEN
    var b = withAcl(open("acme-www"), Lookup.found(List.of(OWNER_FULL_CONTROL,
        group("AllUsers", "READ"), group("AuthenticatedUsers", "WRITE"))));
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-www: ACL grants READ to AllUsers and WRITE to AuthenticatedUsers"
        + " and IgnorePublicAcls is off", o.reason());
    assertEquals(List.of("READ to AllUsers", "WRITE to AuthenticatedUsers"),
        o.evidence().get("publicGrants"));
  }

  @Test
  void evaluate_passes_whenIgnorePublicAclsNeutralisesTheGrant() {
    // GIVEN
    var atBucket = withAcl(compliant("acme-b"), Lookup.found(List.of(group("AllUsers", "READ"))));
    var atAccount = new S3Snapshot(Lookup.found(ALL_BLOCKED),
        List.of(withAcl(open("acme-a"), Lookup.found(List.of(group("AllUsers", "READ"))))));
    // WHEN
    var b = check.evaluate(snapshot(atBucket), TARGET).get(0);
    var a = check.evaluate(atAccount, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, b.status());
    assertEquals("bucket acme-b: ACL grants READ to AllUsers, but IgnorePublicAcls is on at"
        + " bucket level and keeps it from taking effect", b.reason());
    assertEquals("bucket acme-a: ACL grants READ to AllUsers, but IgnorePublicAcls is on at"
        + " account level and keeps it from taking effect", a.reason());
  }

  @Test
  void evaluate_errors_whenPublicAndTheAccountBlockCouldNotBeRead() {
    var snapshot = new S3Snapshot(Lookup.failed("GetPublicAccessBlock (account) failed: Denied"),
        List.of(withAcl(open("acme-q"), Lookup.found(List.of(group("AllUsers", "READ"))))));
    var o = check.evaluate(snapshot, TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
  }

  @Test
  void evaluate_judgesEachBucket_andErrorsOnlyForTheUnreadableAcl() {
    // GIVEN
    var snapshot = snapshot(open("acme-1"),
        withAcl(open("acme-2"), Lookup.failed("GetBucketAcl failed: AccessDenied")),
        withAcl(open("acme-3"), Lookup.found(List.of(group("AllUsers", "FULL_CONTROL")))));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
  }
}
