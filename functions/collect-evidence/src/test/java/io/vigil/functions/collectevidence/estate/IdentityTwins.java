package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;

import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * IAM and Account twins. Both services are global: their results are recorded in the home region,
 * and account-wide settings are twinned across the two accounts.
 */
final class IdentityTwins {

  private static final String GLOBAL = "aws-global";

  private final Estate estate;
  private final String a;

  IdentityTwins(Estate estate) {
    this.estate = estate;
    this.a = estate.caller();
  }

  void seed() {
    passwordPolicies();
    users();
    policies();
    securityContacts();
  }

  private IamClient iam(String account) {
    return estate.client(account, IamClient.class, IamClient::builder, GLOBAL);
  }

  private static String root(String account) {
    return "arn:aws:iam::" + account + ":root";
  }

  private void passwordPolicies() {
    // the same policy except for the minimum length
    iam(a).updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireNumbers(true)
        .requireSymbols(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
        .passwordReusePrevention(24));
    iam(MEMBER).updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).requireNumbers(true)
        .requireSymbols(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
        .passwordReusePrevention(24));
    estate.add(new Twin("password policy with minimum length 8 (member) vs 14 (caller)",
        "iam_password_policy_strong",
        new Twin.Subject(MEMBER, EU, root(MEMBER)), new Twin.Subject(a, EU, root(a))));
  }

  private void users() {
    // console users without vs with an MFA device
    var iam = iam(a);
    var bare = consoleUser(iam, "nomfa");
    var guarded = consoleUser(iam, "mfa");
    var device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(estate.name("mfa")))
        .virtualMFADevice().serialNumber();
    iam.enableMFADevice(r -> r.userName(estate.name("mfa")).serialNumber(device)
        .authenticationCode1("123456").authenticationCode2("654321"));
    estate.add("console user without vs with an MFA device", "iam_user_console_mfa_enabled",
        a, EU, bare, guarded);

    // users with vs without an inline policy
    var member = iam(MEMBER);
    var inline = member.createUser(r -> r.userName(estate.name("inline"))).user().arn();
    var clean = member.createUser(r -> r.userName(estate.name("clean"))).user().arn();
    member.putUserPolicy(r -> r.userName(estate.name("inline")).policyName("list-buckets")
        .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}"));
    estate.add("user with vs without an inline policy", "iam_user_no_inline_or_direct_policies",
        MEMBER, EU, inline, clean);
  }

  private String consoleUser(IamClient iam, String what) {
    var arn = iam.createUser(r -> r.userName(estate.name(what))).user().arn();
    iam.createLoginProfile(r -> r.userName(estate.name(what)).password("Correct-Horse-9!"));
    return arn;
  }

  private void policies() {
    // two customer managed policies attached to one group: Action * vs one action on Resource *
    var iam = iam(MEMBER);
    var group = estate.name("admins");
    iam.createGroup(r -> r.groupName(group));
    var admin = policy(iam, "everything", "*");
    var scoped = policy(iam, "read-objects", "s3:GetObject");
    iam.attachGroupPolicy(r -> r.groupName(group).policyArn(admin));
    iam.attachGroupPolicy(r -> r.groupName(group).policyArn(scoped));
    estate.add("attached policy allowing Action * vs s3:GetObject on Resource *",
        "iam_policy_no_full_admin_attached", MEMBER, EU, admin, scoped);
  }

  private String policy(IamClient iam, String what, String action) {
    return iam.createPolicy(r -> r.policyName(estate.name(what)).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Grant\",\"Effect\":\"Allow\","
            + "\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}")).policy().arn();
  }

  private void securityContacts() {
    // a security contact registered in the caller's account, none in the member account
    estate.client(a, AccountClient.class, AccountClient::builder, GLOBAL)
        .putAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY)
            .name("Security Team").title("CISO").emailAddress("security@example.com")
            .phoneNumber("+15555550100"));
    estate.add(new Twin("security contact absent (member) vs registered (caller)",
        "account_security_contact_registered",
        new Twin.Subject(MEMBER, EU, root(MEMBER)), new Twin.Subject(a, EU, root(a))));
  }
}
