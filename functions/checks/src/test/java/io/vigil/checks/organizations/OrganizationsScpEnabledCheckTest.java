package io.vigil.checks.organizations;

import static io.vigil.checks.organizations.OrganizationsAccountInOrganizationCheckTest.ORG_ARN;
import static io.vigil.checks.organizations.OrganizationsAccountInOrganizationCheckTest.TARGET;
import static io.vigil.checks.organizations.OrganizationsAccountInOrganizationCheckTest.org;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationsScpEnabledCheckTest {

  private final OrganizationsScpEnabledCheck check = new OrganizationsScpEnabledCheck();

  private static OrganizationsSnapshot.Root root(String id, String... types) {
    return new OrganizationsSnapshot.Root(id, "arn:aws:organizations::123456789012:root/o-abc/"
        + id, List.of(types));
  }

  private static OrganizationsSnapshot management(String featureSet,
      Lookup<List<OrganizationsSnapshot.Root>> roots) {
    return new OrganizationsSnapshot(Lookup.found(org("123456789012", featureSet)), roots);
  }

  @Test
  void evaluate_isNotApplicable_outsideAnOrganization_andInMemberAccounts() {
    var none = check.evaluate(new OrganizationsSnapshot(Lookup.absent(), Lookup.absent()),
        TARGET).get(0);
    assertEquals(CheckStatus.NOT_APPLICABLE, none.status());
    var member = check.evaluate(new OrganizationsSnapshot(
        Lookup.found(org("111111111111", "ALL")), Lookup.absent()), TARGET).get(0);
    assertEquals(CheckStatus.NOT_APPLICABLE, member.status());
    assertEquals(ORG_ARN, member.resourceArn());
    assertEquals("organization o-abc: judged in the management account 111111111111",
        member.reason());
  }

  @Test
  void evaluate_passes_whenScpIsEnabledOnTheRoot() {
    var o = check.evaluate(management("ALL", Lookup.found(List.of(
        root("r-1", "SERVICE_CONTROL_POLICY", "TAG_POLICY")))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("organization o-abc: service control policies are enabled on the root",
        o.reason());
  }

  @Test
  void evaluate_fails_forConsolidatedBilling_orRootWithoutScp() {
    var billing = check.evaluate(management("CONSOLIDATED_BILLING", Lookup.absent()), TARGET)
        .get(0);
    assertEquals(CheckStatus.FAIL, billing.status());
    assertEquals("organization o-abc: feature set is CONSOLIDATED_BILLING, so service control"
        + " policies are unavailable", billing.reason());
    var noScp = check.evaluate(management("ALL", Lookup.found(List.of(root("r-1",
        "TAG_POLICY")))), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, noScp.status());
    assertEquals("organization o-abc: service control policies are not enabled on root r-1",
        noScp.reason());
    assertEquals(List.of("r-1"), noScp.evidence().get("RootsWithoutScp"));
  }

  @Test
  void evaluate_errors_whenRootsCouldNotBeListed() {
    var o = check.evaluate(management("ALL", Lookup.failed("ListRoots failed: AccessDenied")),
        TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("organization o-abc: ListRoots failed: AccessDenied", o.reason());
  }
}
