package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;

import java.util.function.Consumer;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Twins of the logging and monitoring services: CloudTrail, AWS Config, GuardDuty, AWS Backup and
 * Security Hub. Most of these are one setting per account or region, so the twin is the same
 * setting in the other region or account.
 */
final class GovernanceTwins {

  private final Estate estate;
  private final String a;

  GovernanceTwins(Estate estate) {
    this.estate = estate;
    this.a = estate.caller();
  }

  void seed() {
    trails();
    config();
    guardDuty();
    backup();
    securityHub();
  }

  private static String scope(String service, String account, String region) {
    return "arn:aws:" + service + ":" + region + ":" + account + ":*";
  }

  /** A compliant bucket in the home region of {@code account} for trails and Config. */
  private String deliveryBucket(String account, String what) {
    // bucket names are global across accounts
    var arn = estate.buckets().compliant(account, EU,
        what + (account.equals(MEMBER) ? "-member" : "-caller"));
    return Buckets.nameOf(arn);
  }

  private CloudTrailClient cloudtrail(String account) {
    return estate.client(account, CloudTrailClient.class, CloudTrailClient::builder, EU);
  }

  /**
   * A trail in the home region, encrypted with a customer managed key and delivering to
   * CloudWatch Logs; {@code difference} sets what a twin is about.
   */
  private String trail(String account, String bucket, String what, boolean start,
      Consumer<CreateTrailRequest.Builder> difference) {
    var request = CreateTrailRequest.builder().name(estate.name(what)).s3BucketName(bucket)
        .kmsKeyId(estate.key(account, EU))
        .cloudWatchLogsLogGroupArn("arn:aws:logs:" + EU + ":" + account + ":log-group:"
            + estate.name("trail") + ":*")
        .cloudWatchLogsRoleArn("arn:aws:iam::" + account + ":role/trail-logs");
    difference.accept(request);
    var client = cloudtrail(account);
    var arn = client.createTrail(request.build()).trailARN();
    if (start) {
      // by name: moto 5.2.1 answers StartLogging by ARN with a 500
      client.startLogging(r -> r.name(estate.name(what)));
    }
    return arn;
  }

  private void trails() {
    // caller: two logging multi-region trails, with vs without log file validation
    var callerBucket = deliveryBucket(a, "trails");
    var validated = trail(a, callerBucket, "trail-valid", true,
        t -> t.isMultiRegionTrail(true).enableLogFileValidation(true));
    var unvalidated = trail(a, callerBucket, "trail-unvalid", true,
        t -> t.isMultiRegionTrail(true).enableLogFileValidation(false));
    estate.add("trail without vs with log file validation",
        "cloudtrail_trail_log_file_validation_enabled", a, EU, unvalidated, validated);
    // member: the same validated multi-region trail, but never started
    var memberBucket = deliveryBucket(MEMBER, "trails");
    trail(MEMBER, memberBucket, "trail-stopped", false,
        t -> t.isMultiRegionTrail(true).enableLogFileValidation(true));
    estate.add(new Twin("validated multi-region trail not logging (member) vs logging (caller)",
        "cloudtrail_multi_region_trail_enabled",
        new Twin.Subject(MEMBER, EU, "arn:aws:cloudtrail::" + MEMBER + ":*"),
        new Twin.Subject(a, EU, "arn:aws:cloudtrail::" + a + ":*")));
    // member: validated regional trails without vs with a KMS key
    estate.add("trail without vs with a KMS key", "cloudtrail_trail_kms_encrypted", MEMBER, EU,
        trail(MEMBER, memberBucket, "trail-sse-s3", true,
            t -> t.enableLogFileValidation(true).kmsKeyId(null)),
        trail(MEMBER, memberBucket, "trail-kms", true, t -> t.enableLogFileValidation(true)));
    // caller: validated regional trails without vs with CloudWatch Logs delivery
    estate.add("trail without vs with CloudWatch Logs delivery",
        "cloudtrail_trail_cloudwatch_logs_integrated", a, EU,
        trail(a, callerBucket, "trail-nocw", true, t -> t.enableLogFileValidation(true)
            .cloudWatchLogsLogGroupArn(null).cloudWatchLogsRoleArn(null)),
        trail(a, callerBucket, "trail-cw", true, t -> t.enableLogFileValidation(true)));
  }

  private ConfigClient config(String account, String region) {
    return estate.client(account, ConfigClient.class, ConfigClient::builder, region);
  }

  private void config() {
    // caller: a started recorder with a channel in each region, recording all types vs one type
    var bucket = deliveryBucket(a, "config");
    var role = "arn:aws:iam::" + a + ":role/vigil-config";
    for (var region : new String[] {EU, US}) {
      var config = config(a, region);
      var all = region.equals(EU);
      config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name("default")
          .roleARN(role).recordingGroup(g -> {
            if (all) {
              g.allSupported(true).includeGlobalResourceTypes(true);
            } else {
              g.allSupported(false).includeGlobalResourceTypes(false)
                  .resourceTypes(ResourceType.AWS_S3_BUCKET);
            }
          })));
      config.putDeliveryChannel(r -> r.deliveryChannel(c -> c.name("default")
          .s3BucketName(bucket)));
      config.startConfigurationRecorder(r -> r.configurationRecorderName("default"));
    }
    estate.add(new Twin("Config recorder recording one resource type (us-east-1) vs all"
        + " (eu-west-1)", "config_recorder_all_resources_recording",
        new Twin.Subject(a, US, scope("config", a, US)),
        new Twin.Subject(a, EU, scope("config", a, EU))));
    // member: a recorder in each region, with a delivery channel only in eu-west-1
    var memberBucket = deliveryBucket(MEMBER, "config");
    var memberRole = "arn:aws:iam::" + MEMBER + ":role/vigil-config";
    for (var region : new String[] {EU, US}) {
      config(MEMBER, region).putConfigurationRecorder(r -> r.configurationRecorder(c -> c
          .name("default").roleARN(memberRole)
          .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
    }
    config(MEMBER, EU).putDeliveryChannel(r -> r.deliveryChannel(c -> c.name("default")
        .s3BucketName(memberBucket)));
    estate.add(new Twin("Config recorder without (us-east-1) vs with (eu-west-1) a delivery"
        + " channel", "config_delivery_channel_configured",
        new Twin.Subject(MEMBER, US, scope("config", MEMBER, US)),
        new Twin.Subject(MEMBER, EU, scope("config", MEMBER, EU))));
  }

  private GuardDutyClient guardDuty(String account, String region) {
    return estate.client(account, GuardDutyClient.class, GuardDutyClient::builder, region);
  }

  private void guardDuty() {
    // member: a detector in each region, suspended in us-east-1
    guardDuty(MEMBER, EU).createDetector(r -> r.enable(true));
    guardDuty(MEMBER, US).createDetector(r -> r.enable(false));
    estate.add(new Twin("GuardDuty detector suspended (us-east-1) vs enabled (eu-west-1)",
        "guardduty_detector_enabled",
        new Twin.Subject(MEMBER, US, scope("guardduty", MEMBER, US)),
        new Twin.Subject(MEMBER, EU, scope("guardduty", MEMBER, EU))));
    // caller: an enabled detector in each region, S3 Protection off in us-east-1
    var on = guardDuty(a, EU).createDetector(r -> r.enable(true)
        .dataSources(d -> d.s3Logs(s -> s.enable(true)))).detectorId();
    var off = guardDuty(a, US).createDetector(r -> r.enable(true)
        .dataSources(d -> d.s3Logs(s -> s.enable(false)))).detectorId();
    estate.add(new Twin("GuardDuty detector without (us-east-1) vs with (eu-west-1) S3"
        + " Protection", "guardduty_detector_s3_protection_enabled",
        new Twin.Subject(a, US, "arn:aws:guardduty:" + US + ":" + a + ":detector/" + off),
        new Twin.Subject(a, EU, "arn:aws:guardduty:" + EU + ":" + a + ":detector/" + on)));
  }

  private BackupClient backup(String account, String region) {
    return estate.client(account, BackupClient.class, BackupClient::builder, region);
  }

  private String vault(BackupClient backup, String what) {
    return backup.createBackupVault(r -> r.backupVaultName(estate.name(what))).backupVaultArn();
  }

  private void plan(BackupClient backup, String vaultArn) {
    var vault = vaultArn.substring(vaultArn.lastIndexOf(':') + 1);
    backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName(estate.name("daily"))
        .rules(BackupRuleInput.builder().ruleName("daily").targetBackupVaultName(vault)
            .scheduleExpression("cron(0 5 ? * * *)").build())));
  }

  private void backup() {
    // caller, eu-west-1: vaults without vs with Vault Lock
    var eu = backup(a, EU);
    var open = vault(eu, "vault-open");
    var locked = vault(eu, "vault-locked");
    eu.putBackupVaultLockConfiguration(r -> r.backupVaultName(estate.name("vault-locked"))
        .minRetentionDays(7L).maxRetentionDays(365L));
    estate.add("backup vault without vs with Vault Lock", "backup_vault_lock_enabled", a, EU,
        open, locked);
    // caller: a plan in each region, a report plan only in eu-west-1
    plan(eu, locked);
    eu.createReportPlan(r -> r.reportPlanName("vigil_jobs_" + estate.suffix())
        .reportDeliveryChannel(c -> c.s3BucketName(estate.name("reports")))
        .reportSetting(s -> s.reportTemplate("BACKUP_JOB_REPORT")));
    var us = backup(a, US);
    plan(us, vault(us, "vault-us"));
    estate.add(new Twin("backup plans without (us-east-1) vs with (eu-west-1) a report plan",
        "backup_report_plan_exists",
        new Twin.Subject(a, US, scope("backup", a, US)),
        new Twin.Subject(a, EU, scope("backup", a, EU))));
    // member: a backup plan in eu-west-1 only
    var member = backup(MEMBER, EU);
    plan(member, vault(member, "vault-member"));
    estate.add(new Twin("no backup plan (us-east-1) vs a plan with a rule (eu-west-1)",
        "backup_plan_exists",
        new Twin.Subject(MEMBER, US, scope("backup", MEMBER, US)),
        new Twin.Subject(MEMBER, EU, scope("backup", MEMBER, EU))));
  }

  private void securityHub() {
    estate.client(a, SecurityHubClient.class, SecurityHubClient::builder, EU)
        .enableSecurityHub(r -> r.enableDefaultStandards(false));
    estate.add(new Twin("Security Hub not enabled (us-east-1) vs enabled (eu-west-1)",
        "securityhub_hub_enabled",
        new Twin.Subject(a, US, "arn:aws:securityhub:" + US + ":" + a + ":hub/default"),
        new Twin.Subject(a, EU, "arn:aws:securityhub:" + EU + ":" + a + ":hub/default")));
  }
}
