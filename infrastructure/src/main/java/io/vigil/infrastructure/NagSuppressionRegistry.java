package io.vigil.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.vigil.infrastructure.constructs.VigilFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.constructs.IConstruct;

/**
 * Every cdk-nag suppression of Vigil, in one place, each with the reason it is acceptable. A
 * suppression names the rule, the construct it applies to and, for wildcard findings
 * (AwsSolutions-IAM5), exactly which wildcard it accepts; anything else a rule finds stays an
 * error ({@code CdkNagTest} requires zero unsuppressed errors).
 */
public final class NagSuppressionRegistry {

  /** One suppression as applied (for the tests and the docs). */
  public record Entry(String path, String ruleId, String reason, List<String> appliesTo) {}

  // --- reasons -----------------------------------------------------------------------------------

  static final String SECURITY_AUDIT = "Evidence collection needs read access to the"
      + " configuration of every audited service; the AWS managed SecurityAudit policy is"
      + " read-only by design and maintained by AWS as services are added, which a hand-written"
      + " list of Describe/Get/List actions would not be (ADR 0007).";
  static final String XRAY = "X-Ray PutTraceSegments and PutTelemetryRecords support no"
      + " resource-level permissions, so active tracing needs Resource '*'.";
  static final String TABLE_INDEXES = "The single-table design queries its three GSIs"
      + " (GSI1..GSI3); table/index/* is exactly the table's indexes.";
  static final String EVIDENCE_READ = "Evidence is content-addressed under many keys; reading"
      + " and verifying it needs s3:GetObject* and s3:List* on the evidence bucket and its"
      + " objects only (grantRead), all read-only.";
  static final String EVIDENCE_WRITE = "Evidence objects are created under evidence/ with keys"
      + " chosen by content hash; s3:PutObject is limited to that prefix of the evidence bucket.";
  static final String REPORTS = "summarize-performance stores each report document under"
      + " reports/<kind>/<period>/<sha256>.<ext> (keys chosen by content hash) and its manifest"
      + " in the vault under evidence/; s3:PutObject is limited to those two prefixes of the"
      + " evidence bucket, and s3:GetObject (the role signs the documents' presigned links) to"
      + " reports/.";
  static final String MEMBER_ROLES = "In organization mode the member accounts are not known at"
      + " deploy time: sts:AssumeRole is limited to the one Vigil member role name in any account"
      + " (and to the organization when organizationId is set).";
  static final String AUDIT_SCHEDULES = "schedule-audits creates, updates and deletes one-time"
      + " reminder schedules whose names derive from audit ids; the wildcard is limited to"
      + " schedules of its own schedule group.";
  static final String LIST_SCHEDULES = "scheduler:ListSchedules has no resource-level permissions"
      + " and is read-only.";
  static final String DLQ_HAS_NO_DLQ = "This queue is itself a dead-letter queue (of EventBridge"
      + " rule targets, EventBridge Scheduler, Lambda asynchronous invocations or notify"
      + " deliveries); a dead-letter queue of a dead-letter queue would only move the problem."
      + " Its depth is alarmed (MonitoringStack).";
  static final String SLACK_ROTATION = "A Slack incoming-webhook URL cannot be rotated by a"
      + " Lambda function: Slack issues it when a person installs the app. It is replaced by hand"
      + " (put-secret-value) when revoked.";
  static final String COGNITO_THREAT_PROTECTION = "Cognito threat protection (AdvancedSecurityMode"
      + " ENFORCED) needs the paid Plus feature plan; the optional user pool requires MFA (TOTP)"
      + " for everyone and has no self sign-up. Organisations that want adaptive authentication"
      + " use their own identity provider (context jwtIssuer), and then no user pool is created.";

  static final String OLDER_RUNTIME = "The deployer chose the java21 managed runtime (context"
      + " lambdaRuntime=java21): a supported LTS runtime with SnapStart on arm64, kept as an option"
      + " for organisations that standardise on it. The default (java25) passes this rule.";

  private static final List<Entry> APPLIED = Collections.synchronizedList(new ArrayList<>());

  private NagSuppressionRegistry() {}

  /** The suppressions applied so far (in this JVM), for tests and reports. */
  public static List<Entry> applied() {
    return List.copyOf(APPLIED);
  }

  static void apply(VigilApp.Vigil vigil) {
    var fns = vigil.functions();

    // every function role: tracing (and the collector's shared role)
    for (VigilFunction fn : fns.functions().values()) {
      suppress(fn.role(), "AwsSolutions-IAM5", XRAY, "Resource::*", false);
      if (vigil.config().lambdaRuntime.equals("java21")) {
        suppress(fn.function(), "AwsSolutions-L1", OLDER_RUNTIME, null, false);
      }
    }
    for (VigilFunction fn : List.of(fns.findingsApi(), fns.notifyFunction(),
        fns.summarizePerformance())) {
      suppress(fn.role(), "AwsSolutions-IAM5", TABLE_INDEXES, "/^Resource::.*\\/index\\/\\*$/",
          true);
    }
    fns.scheduleAudits().ifPresent(fn -> {
      suppress(fn.role(), "AwsSolutions-IAM5", TABLE_INDEXES, "/^Resource::.*\\/index\\/\\*$/",
          true);
      var group = fns.auditReminderGroup().orElseThrow().getScheduleGroupName();
      suppress(fn.role(), "AwsSolutions-IAM5", AUDIT_SCHEDULES,
          "/^Resource::arn:<AWS::Partition>:scheduler:.+:schedule\\/" + group
              + "\\/\\*$/", true);
      suppress(fn.role(), "AwsSolutions-IAM5", LIST_SCHEDULES, "Resource::*", false);
    });

    // the collector
    var collector = fns.collectorRole();
    suppress(collector, "AwsSolutions-IAM4", SECURITY_AUDIT,
        "Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit", false);
    suppress(collector, "AwsSolutions-IAM5", TABLE_INDEXES, "/^Resource::.*\\/index\\/\\*$/", true);
    for (var action : List.of("Action::s3:GetObject*", "Action::s3:GetBucket*",
        "Action::s3:List*")) {
      suppress(collector, "AwsSolutions-IAM5", EVIDENCE_READ, action, false);
    }
    suppress(collector, "AwsSolutions-IAM5", EVIDENCE_READ, "/^Resource::.*Evidence.*\\/\\*$/",
        true);
    suppress(collector, "AwsSolutions-IAM5", EVIDENCE_WRITE,
        "/^Resource::.*Evidence.*\\/evidence\\/\\*$/", true);
    // the records API stores completed audits' reports in the evidence vault the same way
    suppress(fns.findingsApi().role(), "AwsSolutions-IAM5", EVIDENCE_WRITE,
        "/^Resource::.*Evidence.*\\/evidence\\/\\*$/", true);
    suppress(fns.summarizePerformance().role(), "AwsSolutions-IAM5", REPORTS,
        "/^Resource::.*Evidence.*\\/(reports|evidence)\\/\\*$/", true);
    if (vigil.config().organization) {
      suppress(collector, "AwsSolutions-IAM5", MEMBER_ROLES,
          "Resource::arn:<AWS::Partition>:iam::*:role/" + vigil.config().memberRoleName, false);
    }

    for (var dlq : fns.deadLetterQueues().values()) {
      suppress(dlq, "AwsSolutions-SQS3", DLQ_HAS_NO_DLQ, null, false);
    }
    suppress(fns.slackSecret(), "AwsSolutions-SMG4", SLACK_ROTATION, null, false);
    if (vigil.api().userPool() != null) {
      suppress(vigil.api().userPool(), "AwsSolutions-COG3", COGNITO_THREAT_PROTECTION, null,
          false);
    }
    suppress(vigil.memberRole().role(), "AwsSolutions-IAM4", SECURITY_AUDIT,
        "Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit", false);
  }

  /**
   * @param appliesTo the finding it accepts: a literal finding id, a {@code /regex/}, or null
   *     for every finding of the rule on that construct
   */
  private static void suppress(IConstruct construct, String ruleId, String reason,
      String appliesTo, boolean regex) {
    var builder = NagPackSuppression.builder().id(ruleId).reason(reason);
    if (appliesTo != null) {
      builder.appliesTo(List.of(regex
          ? RegexAppliesTo.builder().regex(appliesTo).build()
          : appliesTo));
    }
    NagSuppressions.addResourceSuppressions(construct, List.of(builder.build()), true);
    APPLIED.add(new Entry(construct.getNode().getPath(), ruleId, reason,
        appliesTo == null ? List.of() : List.of(appliesTo)));
  }
}
