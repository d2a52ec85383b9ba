package io.vigil.checks.iam;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * Loads the account's IAM configuration. Scope ACCOUNT: IAM is a global service.
 *
 * <p>Calls: GetAccountSummary, GetAccountPasswordPolicy and ListEntitiesForPolicy (paginated,
 * AWSSupportAccess) once; ListUsers (paginated); per user GetLoginProfile, ListMFADevices,
 * ListAccessKeys, ListUserPolicies and ListAttachedUserPolicies (all paginated), and
 * GetAccessKeyLastUsed per active key; ListPolicies (paginated, Scope=Local, OnlyAttached) and
 * GetPolicyVersion of each policy's default version. NoSuchEntity on the password policy means
 * "no policy", on GetLoginProfile "no console password", on ListEntitiesForPolicy "attached to
 * nobody". A failing ListUsers or ListPolicies throws; any other failing call is recorded in the
 * snapshot.
 */
@Singleton
public final class IamSnapshotLoader implements SnapshotLoader<IamSnapshot> {

  static final String NO_SUCH_ENTITY = "NoSuchEntity";
  static final String SUPPORT_POLICY = "AWSSupportAccess";

  private final AwsClientFactory clients;
  private final Clock clock;

  @Inject
  public IamSnapshotLoader(AwsClientFactory clients) {
    this(clients, Clock.systemUTC());
  }

  IamSnapshotLoader(AwsClientFactory clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public Class<IamSnapshot> snapshotType() {
    return IamSnapshot.class;
  }

  @Override
  public String service() {
    return "iam";
  }

  @Override
  public Scope scope() {
    return Scope.ACCOUNT;
  }

  @Override
  public IamSnapshot load(ScanTarget target) {
    var iam = clients.forAccount(target.accountId()).client(IamClient.class, IamClient::builder, globalRegion(target.partition()));
    var takenAt = clock.instant();
    var summary = AwsCalls.lookup("GetAccountSummary",
        () -> toSummary(iam.getAccountSummary().summaryMap()));
    var policy = AwsCalls.lookup("GetAccountPasswordPolicy", () -> {
      var p = iam.getAccountPasswordPolicy().passwordPolicy();
      return new IamSnapshot.PasswordPolicy(
          intOf(p.minimumPasswordLength()),
          Boolean.TRUE.equals(p.requireUppercaseCharacters()),
          Boolean.TRUE.equals(p.requireLowercaseCharacters()),
          Boolean.TRUE.equals(p.requireNumbers()),
          Boolean.TRUE.equals(p.requireSymbols()),
          intOf(p.passwordReusePrevention()),
          intOf(p.maxPasswordAge()));
    }, NO_SUCH_ENTITY);
    var supportArn = "arn:" + target.partition() + ":iam::aws:policy/" + SUPPORT_POLICY;
    var support = AwsCalls.<List<String>>lookup("ListEntitiesForPolicy", () -> {
      var entities = new ArrayList<String>();
      for (var page : iam.listEntitiesForPolicyPaginator(r -> r.policyArn(supportArn))) {
        page.policyRoles().forEach(r -> entities.add("role/" + r.roleName()));
        page.policyUsers().forEach(u -> entities.add("user/" + u.userName()));
        page.policyGroups().forEach(g -> entities.add("group/" + g.groupName()));
      }
      return entities;
    }, NO_SUCH_ENTITY).absentAs(List.of());
    var users = new ArrayList<IamSnapshot.User>();
    for (var u : iam.listUsersPaginator(r -> { }).users()) {
      var name = u.userName();
      users.add(new IamSnapshot.User(
          name,
          u.arn(),
          u.createDate(),
          u.passwordLastUsed(),
          AwsCalls.lookup("GetLoginProfile",
              () -> iam.getLoginProfile(r -> r.userName(name)).loginProfile().createDate(),
              NO_SUCH_ENTITY),
          AwsCalls.<List<String>>lookup("ListMFADevices",
              () -> iam.listMFADevicesPaginator(r -> r.userName(name)).mfaDevices().stream()
                  .map(MFADevice::serialNumber).toList()),
          AwsCalls.<List<IamSnapshot.AccessKey>>lookup("ListAccessKeys",
              () -> iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata().stream()
                  .map(k -> toKey(iam, k))
                  .toList()),
          AwsCalls.<List<String>>lookup("ListUserPolicies",
              () -> iam.listUserPoliciesPaginator(r -> r.userName(name)).policyNames().stream()
                  .toList()),
          AwsCalls.<List<String>>lookup("ListAttachedUserPolicies",
              () -> iam.listAttachedUserPoliciesPaginator(r -> r.userName(name))
                  .attachedPolicies().stream().map(AttachedPolicy::policyName).toList())));
    }
    var policies = new ArrayList<IamSnapshot.ManagedPolicy>();
    var attached = iam.listPoliciesPaginator(
        r -> r.scope(PolicyScopeType.LOCAL).onlyAttached(true));
    for (var p : attached.policies()) {
      var arn = p.arn();
      var version = p.defaultVersionId();
      policies.add(new IamSnapshot.ManagedPolicy(p.policyName(), arn, intOf(p.attachmentCount()),
          document(AwsCalls.lookup("GetPolicyVersion", () -> iam.getPolicyVersion(
              r -> r.policyArn(arn).versionId(version)).policyVersion().document()))));
    }
    return new IamSnapshot(takenAt, summary, policy, users, policies, support);
  }

  /** IAM's global endpoint region of the partition. */
  static Region globalRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> Region.AWS_CN_GLOBAL;
      case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
      default -> Region.AWS_GLOBAL;
    };
  }

  /**
   * IAM returns policy documents URL-encoded (RFC 3986); a document that already starts with
   * "{" is taken as is, so a plus sign in a literal document is never turned into a space.
   */
  static String decodeDocument(String raw) {
    var trimmed = raw.trim();
    return trimmed.startsWith("{") ? trimmed : URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
  }

  static Lookup<PolicyDocument> document(Lookup<String> raw) {
    if (raw.isFailed()) {
      return Lookup.failed(raw.error());
    }
    if (!raw.isPresent()) {
      return Lookup.failed("GetPolicyVersion returned no document");
    }
    try {
      return Lookup.found(PolicyDocument.parse(decodeDocument(raw.value())));
    } catch (IllegalArgumentException e) {
      return Lookup.failed("policy document could not be parsed: " + e.getMessage());
    }
  }

  private static IamSnapshot.AccessKey toKey(IamClient iam, AccessKeyMetadata k) {
    var id = k.accessKeyId();
    Lookup<Instant> lastUsed = IamSnapshot.AccessKey.ACTIVE.equals(k.statusAsString())
        ? AwsCalls.lookup("GetAccessKeyLastUsed",
            () -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(id)).accessKeyLastUsed()
                .lastUsedDate())
        : Lookup.absent();
    return new IamSnapshot.AccessKey(id, k.statusAsString(), k.createDate(), lastUsed);
  }

  private static IamSnapshot.AccountSummary toSummary(Map<SummaryKeyType, Integer> summary) {
    return new IamSnapshot.AccountSummary(
        intOf(summary.get(SummaryKeyType.ACCOUNT_MFA_ENABLED)) == 1,
        intOf(summary.get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT)));
  }

  private static int intOf(Integer value) {
    return value == null ? 0 : value;
  }
}
