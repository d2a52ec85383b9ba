package io.vigil.checks.s3;

import io.vigil.checks.AccountCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The account-level S3 Block Public Access has all four settings on. One observation per account,
 * about the account's S3 scope ({@code arn:<partition>:s3::<account>:*}).
 */
@Singleton
public final class S3AccountPublicAccessBlockedCheck extends AccountCheck<S3Snapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_account_public_access_blocked")
      .title("S3 Block Public Access is on for the whole account with all four settings")
      .resourceType("AWS::::Account")
      .severity(Severity.HIGH)
      .primary("A.8.3")
      .supporting("A.5.15", "A.8.12")
      .rationale("Account-level Block Public Access overrides every bucket and access point of the"
          + " account, including buckets created later by any team or tool, so no single ACL or"
          + " bucket policy can publish data. It is the account-wide guard for restricting access"
          + " to information (A.8.3) and supports access control (A.5.15) and data leakage"
          + " prevention (A.8.12). Accounts that must host public content should serve it through"
          + " CloudFront with origin access control instead.")
      .remediation("aws s3control put-public-access-block --account-id ACCOUNT_ID"
          + " --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
          + "BlockPublicPolicy=true,RestrictPublicBuckets=true (console: S3 > Block Public Access"
          + " settings for this account; in an organization, enforce it with an SCP or the"
          + " organization-level S3 policy).")
      .build();

  public S3AccountPublicAccessBlockedCheck() {
    super(METADATA, S3Snapshot.class);
  }

  @Override
  protected Observation judge(S3Snapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("s3", true);
    var subject = "account " + target.accountId();
    var lookup = snapshot.accountPublicAccessBlock();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(arn, subject);
    }
    var block = lookup.value();
    var flags = new LinkedHashMap<String, Boolean>();
    flags.put("BlockPublicAcls", block.blockPublicAcls());
    flags.put("IgnorePublicAcls", block.ignorePublicAcls());
    flags.put("BlockPublicPolicy", block.blockPublicPolicy());
    flags.put("RestrictPublicBuckets", block.restrictPublicBuckets());
    var off = new ArrayList<String>();
    flags.forEach((flag, on) -> {
      if (!on) {
        off.add(flag);
      }
    });
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("publicAccessBlockConfigured", block.configured());
    evidence.putAll(flags);
    var failReason = block.configured()
        ? subject + ": account-level " + Texts.joinAnd(off) + (off.size() == 1 ? " is" : " are")
            + " off"
        : subject + ": has no account-level Block Public Access configuration";
    return Observation.of(off.isEmpty(), arn,
        subject + ": all four account-level Block Public Access settings are on",
        failReason, evidence);
  }
}
