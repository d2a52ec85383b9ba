package io.vigil.checks.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The IAM loader against the emulator, with users that do and do not comply. */
@WithAwsEmulator
class IamSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String NO_MFA = "vigil-nomfa-" + SUFFIX;
  private static final String WITH_MFA = "vigil-mfa-" + SUFFIX;
  private static final String API_ONLY = "vigil-api-" + SUFFIX;
  private static final String ADMIN_POLICY = "vigil-admin-" + SUFFIX;
  private static final String SCOPED_POLICY = "vigil-scoped-" + SUFFIX;

  private static AwsClientFactory clients;
  private static IamClient iam;
  private static ScanTarget target;
  private static IamSnapshotLoader loader;

  @BeforeAll
  static void seed(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    iam = clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL);
    loader = new IamSnapshotLoader(clients);
    // GIVEN a console user without MFA
    iam.createUser(r -> r.userName(NO_MFA));
    iam.createLoginProfile(r -> r.userName(NO_MFA).password("Correct-Horse-9!"));
    // AND a console user with a virtual MFA device
    iam.createUser(r -> r.userName(WITH_MFA));
    iam.createLoginProfile(r -> r.userName(WITH_MFA).password("Correct-Horse-9!"));
    var device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(WITH_MFA))
        .virtualMFADevice().serialNumber();
    iam.enableMFADevice(r -> r.userName(WITH_MFA).serialNumber(device)
        .authenticationCode1("123456").authenticationCode2("654321"));
    // AND a programmatic user with one fresh and one inactive access key
    iam.createUser(r -> r.userName(API_ONLY));
    iam.createAccessKey(r -> r.userName(API_ONLY));
    var old = iam.createAccessKey(r -> r.userName(API_ONLY)).accessKey().accessKeyId();
    iam.updateAccessKey(r -> r.userName(API_ONLY).accessKeyId(old).status("Inactive"));
    // AND an attached customer managed admin policy, an attached scoped one, an unattached admin
    // one, and an inline policy
    var admin = iam.createPolicy(r -> r.policyName(ADMIN_POLICY).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Everything\",\"Effect\":"
            + "\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")).policy().arn();
    var scoped = iam.createPolicy(r -> r.policyName(SCOPED_POLICY).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::a+b/*\"}]}"))
        .policy().arn();
    iam.createPolicy(r -> r.policyName("vigil-unattached-" + SUFFIX).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"*\",\"Resource\":\"*\"}]}"));
    iam.attachUserPolicy(r -> r.userName(API_ONLY).policyArn(admin));
    iam.createGroup(r -> r.groupName("vigil-readers-" + SUFFIX));
    iam.attachGroupPolicy(r -> r.groupName("vigil-readers-" + SUFFIX).policyArn(scoped));
    iam.putUserPolicy(r -> r.userName(NO_MFA).policyName("inline-s3").policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}"));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsUsersWithConsoleAccessMfaAndKeys() {
    // WHEN
    var users = users(loader.load(target));
    // THEN
    assertEquals(Lookup.found(true), users.get(NO_MFA).consolePassword());
    assertEquals(Lookup.found(List.of()), users.get(NO_MFA).mfaDevices());
    assertEquals(1, users.get(WITH_MFA).mfaDevices().value().size());
    var api = users.get(API_ONLY);
    assertEquals(Lookup.found(false), api.consolePassword());
    assertEquals(2, api.accessKeys().value().size());
    assertEquals(1, api.accessKeys().value().stream().filter(IamSnapshot.AccessKey::isActive)
        .count());
    assertTrue(api.arn().endsWith(":user/" + API_ONLY), api.arn());
  }

  @Test
  void checks_judgeTheLoadedUsers() {
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    assertEquals(Map.of(NO_MFA, CheckStatus.FAIL, WITH_MFA, CheckStatus.PASS,
        API_ONLY, CheckStatus.NOT_APPLICABLE),
        statuses(new IamUserConsoleMfaEnabledCheck(), snapshot));
    assertEquals(Map.of(NO_MFA, CheckStatus.NOT_APPLICABLE, WITH_MFA, CheckStatus.NOT_APPLICABLE,
        API_ONLY, CheckStatus.PASS),
        statuses(new IamUserAccessKeysRotated90DaysCheck(), snapshot));
  }

  @Test
  void load_recordsMissingPasswordPolicy_asAbsent_andTheCheckFails() {
    // GIVEN
    try {
      iam.deleteAccountPasswordPolicy();
    } catch (NoSuchEntityException alreadyNone) {
      // nothing to delete
    }
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    assertEquals(Lookup.absent(), snapshot.passwordPolicy());
    var o = new IamPasswordPolicyStrongCheck().evaluate(snapshot, target).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
  }

  @Test
  void load_readsPasswordPolicy_andTheCheckJudgesIt() {
    // GIVEN a weak policy
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).requireNumbers(true));
    // WHEN
    var weak = loader.load(target);
    // THEN
    assertEquals(8, weak.passwordPolicy().value().minimumLength());
    var failed = new IamPasswordPolicyStrongCheck().evaluate(weak, target).get(0);
    assertEquals(CheckStatus.FAIL, failed.status());
    assertEquals(List.of("minimum length 8 < 14", "uppercase not required",
        "lowercase not required", "symbols not required", "reuse prevention 0 < 24"),
        failed.evidence().get("failedRules"));
    // GIVEN a strong policy
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(16).requireNumbers(true)
        .requireSymbols(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
        .passwordReusePrevention(24));
    // WHEN
    var strong = loader.load(target);
    // THEN
    assertEquals(new IamSnapshot.PasswordPolicy(16, true, true, true, true, 24, 0),
        strong.passwordPolicy().value());
    assertEquals(CheckStatus.PASS,
        new IamPasswordPolicyStrongCheck().evaluate(strong, target).get(0).status());
  }

  @Test
  void load_readsAccountSummary_andRootChecksUseTheAccountArn() {
    // WHEN
    var snapshot = loader.load(target);
    // THEN the emulator's root user has no MFA and no access key
    assertEquals(Lookup.found(new IamSnapshot.AccountSummary(false, 0)),
        snapshot.accountSummary());
    var mfa = new IamRootMfaEnabledCheck().evaluate(snapshot, target).get(0);
    assertEquals(CheckStatus.FAIL, mfa.status());
    assertEquals("arn:aws:iam::" + target.accountId() + ":root", mfa.resourceArn());
    assertEquals(CheckStatus.PASS,
        new IamRootAccessKeysAbsentCheck().evaluate(snapshot, target).get(0).status());
  }

  @Test
  void load_readsAttachedCustomerPolicies_withTheirDefaultDocument() {
    // WHEN
    var policies = loader.load(target).attachedCustomerPolicies().stream()
        .filter(p -> p.name().endsWith(SUFFIX))
        .collect(Collectors.toMap(IamSnapshot.ManagedPolicy::name, p -> p));
    // THEN only the attached ones, with their parsed documents
    assertEquals(Set.of(ADMIN_POLICY, SCOPED_POLICY), policies.keySet());
    var admin = policies.get(ADMIN_POLICY);
    assertEquals(1, admin.attachmentCount());
    assertEquals("Everything", admin.document().value().statements().get(0).label());
    assertEquals(List.of("arn:aws:s3:::a+b/*"),
        policies.get(SCOPED_POLICY).document().value().statements().get(0).resources());
  }

  @Test
  void newChecks_judgeTheLoadedPoliciesAndUsers() {
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    var adminStatuses = new IamPolicyNoFullAdminAttachedCheck().evaluate(snapshot, target).stream()
        .filter(o -> o.resourceArn().endsWith(SUFFIX))
        .collect(Collectors.toMap(o -> o.resourceArn().substring(
            o.resourceArn().lastIndexOf('/') + 1), Observation::status));
    assertEquals(Map.of(ADMIN_POLICY, CheckStatus.FAIL, SCOPED_POLICY, CheckStatus.PASS),
        adminStatuses);
    assertEquals(Map.of(NO_MFA, CheckStatus.FAIL, WITH_MFA, CheckStatus.PASS,
        API_ONLY, CheckStatus.FAIL),
        statuses(new IamUserNoInlineOrDirectPoliciesCheck(), snapshot));
    var users = users(snapshot);
    assertEquals(Lookup.found(List.of("inline-s3")), users.get(NO_MFA).inlinePolicies());
    assertEquals(Lookup.found(List.of(ADMIN_POLICY)), users.get(API_ONLY).attachedPolicies());
    // AND the fresh credentials, never used, count from their creation minutes ago
    var active = users.get(API_ONLY).accessKeys().value().stream()
        .filter(IamSnapshot.AccessKey::isActive).findFirst().orElseThrow();
    assertEquals(Lookup.absent(), active.lastUsed());
    assertTrue(users.get(NO_MFA).consolePasswordCreated().isPresent());
    assertEquals(Map.of(NO_MFA, CheckStatus.PASS, WITH_MFA, CheckStatus.PASS,
        API_ONLY, CheckStatus.PASS),
        statuses(new IamUserUnusedCredentialsDisabled45DaysCheck(), snapshot));
  }

  @Test
  void load_readsTheHoldersOfAwsSupportAccess() {
    // WHEN the emulator, which does not load AWS managed policies, is asked
    var snapshot = loader.load(target);
    // THEN nobody holds it, and the check fails rather than erroring
    assertEquals(Lookup.found(List.of()), snapshot.supportAccessEntities());
    var o = new IamSupportRoleExistsCheck().evaluate(snapshot, target).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
  }

  private static Map<String, IamSnapshot.User> users(IamSnapshot snapshot) {
    return snapshot.users().stream()
        .filter(u -> u.name().endsWith(SUFFIX))
        .collect(Collectors.toMap(IamSnapshot.User::name, u -> u));
  }

  private static Map<String, CheckStatus> statuses(
      EvidenceCheck<IamSnapshot> check, IamSnapshot snapshot) {
    // user checks only: the observations name users
    return check.evaluate(snapshot, target).stream()
        .filter(o -> o.resourceArn().endsWith(SUFFIX))
        .collect(Collectors.toMap(o -> o.resourceArn().substring(
            o.resourceArn().indexOf(":user/") + ":user/".length()), Observation::status));
  }
}
