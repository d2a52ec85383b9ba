package io.vigil.checks.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationsAccountInOrganizationCheckTest {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final String ORG_ARN = "arn:aws:organizations::111111111111:organization/o-abc";

  private final OrganizationsAccountInOrganizationCheck check =
      new OrganizationsAccountInOrganizationCheck();

  static OrganizationsSnapshot.Organization org(String management, String featureSet) {
    return new OrganizationsSnapshot.Organization("o-abc", ORG_ARN, management, featureSet);
  }

  @Test
  void evaluate_fails_whenNotInAnOrganization() {
    var o = check.evaluate(new OrganizationsSnapshot(Lookup.absent(), Lookup.absent()), TARGET)
        .get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("arn:aws:iam::123456789012:root", o.resourceArn());
    assertEquals("account 123456789012: not a member of an AWS Organization", o.reason());
  }

  @Test
  void evaluate_passes_forMemberAndManagementAccounts() {
    var member = check.evaluate(new OrganizationsSnapshot(
        Lookup.found(org("111111111111", "ALL")), Lookup.absent()), TARGET).get(0);
    assertEquals(CheckStatus.PASS, member.status());
    assertEquals("account 123456789012: member of organization o-abc", member.reason());
    assertEquals("111111111111", member.evidence().get("ManagementAccountId"));
    var management = check.evaluate(new OrganizationsSnapshot(
        Lookup.found(org("123456789012", "ALL")), Lookup.found(List.of())), TARGET).get(0);
    assertEquals("account 123456789012: management account of organization o-abc",
        management.reason());
  }

  @Test
  void evaluate_errors_whenDescribeOrganizationFailed() {
    var o = check.evaluate(new OrganizationsSnapshot(
        Lookup.failed("DescribeOrganization failed: AccessDeniedException"), Lookup.absent()),
        TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
  }
}
