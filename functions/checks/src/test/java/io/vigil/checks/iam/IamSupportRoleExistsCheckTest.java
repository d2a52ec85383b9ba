package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.withSupportEntities;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamSupportRoleExistsCheckTest {

  private final IamSupportRoleExistsCheck check = new IamSupportRoleExistsCheck();

  @Test
  void evaluate_passes_andNamesTheHolders() {
    // GIVEN
    var snapshot = withSupportEntities(Lookup.found(List.of("role/aws-support", "group/ops")));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN one observation about the account
    assertEquals(1, observations.size());
    var o = observations.get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:iam::123456789012:root", o.resourceArn());
    assertEquals("account 123456789012: AWSSupportAccess is attached to role/aws-support and"
        + " group/ops", o.reason());
    assertEquals(List.of("role/aws-support", "group/ops"),
        o.evidence().get("supportAccessEntities"));
  }

  @Test
  void evaluate_fails_whenNobodyHoldsThePolicy() {
    var o = check.evaluate(withSupportEntities(Lookup.found(List.of())), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("account 123456789012: AWSSupportAccess is attached to no role, group or user",
        o.reason());
  }

  @Test
  void evaluate_errors_whenTheAttachmentsCouldNotBeRead() {
    var o = check.evaluate(withSupportEntities(
        Lookup.failed("ListEntitiesForPolicy failed: AccessDenied")), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("account 123456789012: ListEntitiesForPolicy failed: AccessDenied", o.reason());
  }
}
