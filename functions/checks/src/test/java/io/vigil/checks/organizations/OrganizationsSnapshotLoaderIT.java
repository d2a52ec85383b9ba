package io.vigil.checks.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * The Organizations loader (SDK 2.40.2 on the 2.57.8 core) against the emulator: the account
 * outside any organization (when the emulator has none yet), then as management account of an
 * organization with service control policies enabled on its root.
 */
@WithAwsEmulator
class OrganizationsSnapshotLoaderIT {

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static OrganizationsClient orgs;

  @BeforeAll
  static void start(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    orgs = clients.client(OrganizationsClient.class, OrganizationsClient::builder,
        OrganizationsSnapshotLoader.globalRegion(target.partition()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_followsTheAccountIntoAnOrganization() {
    var loader = new OrganizationsSnapshotLoader(clients);
    var inOrg = new OrganizationsAccountInOrganizationCheck();
    var scp = new OrganizationsScpEnabledCheck();
    var before = loader.load(target);
    if (!before.organization().isPresent()) {
      // GIVEN no organization THEN
      assertEquals(Lookup.absent(), before.organization());
      assertEquals(Lookup.absent(), before.roots());
      assertEquals(CheckStatus.FAIL, inOrg.evaluate(before, target).get(0).status());
      assertEquals(CheckStatus.NOT_APPLICABLE, scp.evaluate(before, target).get(0).status());
      orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    }
    var rootId = orgs.listRoots(r -> { }).roots().get(0).id();
    if (orgs.listRoots(r -> { }).roots().get(0).policyTypes().stream()
        .noneMatch(p -> p.type() == PolicyType.SERVICE_CONTROL_POLICY)) {
      orgs.enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));
    }
    // WHEN
    var after = loader.load(target);
    // THEN
    var org = after.organization().value();
    assertEquals(target.accountId(), org.managementAccountId());
    assertEquals("ALL", org.featureSet());
    var root = after.roots().value().get(0);
    assertEquals(rootId, root.id());
    assertTrue(root.enabledPolicyTypes().contains("SERVICE_CONTROL_POLICY"),
        root.enabledPolicyTypes().toString());
    assertEquals(CheckStatus.PASS, inOrg.evaluate(after, target).get(0).status());
    var scpObservation = scp.evaluate(after, target).get(0);
    assertEquals(CheckStatus.PASS, scpObservation.status(), scpObservation.reason());
    assertEquals(org.arn(), scpObservation.resourceArn());
    assertEquals(List.of(), scpObservation.evidence().get("RootsWithoutScp"));
  }
}
