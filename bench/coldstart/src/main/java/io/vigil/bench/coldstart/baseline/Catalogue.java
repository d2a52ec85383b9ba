package io.vigil.bench.coldstart.baseline;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.SnapshotLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The check catalogue written out by hand, as a plain-Java application would: per check package
 * its service group, the SDK classes it needs (the package's Micronaut {@code @Requires}), its
 * checks (no-arg constructors) and its snapshot loader. A package is instantiated only when its
 * group's marker classes and its SDK classes are on the class path, which is the rule Micronaut
 * applies to the function's beans; so in {@code *-lambda-network.jar} only the network packages
 * are. {@link Listing#classNames()} lets the harness compare this list with the classes in the jar under
 * test, so a check added to the code but not here fails the comparison instead of skewing it.
 */
public final class Catalogue {

  /** One check package. */
  private record Pkg(String name, ServiceGroup group, List<String> requires) {}

  private static final List<Pkg> PACKAGES = List.of(
      new Pkg("account", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.account.AccountClient")),
      new Pkg("backup", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.backup.BackupClient")),
      new Pkg("cloudtrail", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.cloudtrail.CloudTrailClient")),
      new Pkg("cloudwatch", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient")),
      new Pkg("config", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.config.ConfigClient")),
      new Pkg("dynamodb", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.dynamodb.DynamoDbClient", "software.amazon.awssdk.services.kms.KmsClient")),
      new Pkg("ec2", ServiceGroup.NETWORK, List.of("software.amazon.awssdk.services.ec2.Ec2Client")),
      new Pkg("guardduty", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.guardduty.GuardDutyClient")),
      new Pkg("iam", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.iam.IamClient")),
      new Pkg("kms", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.kms.KmsClient")),
      new Pkg("lambda", ServiceGroup.NETWORK, List.of("software.amazon.awssdk.services.lambda.LambdaClient")),
      new Pkg("organizations", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.organizations.OrganizationsClient")),
      new Pkg("rds", ServiceGroup.NETWORK, List.of("software.amazon.awssdk.services.rds.RdsClient")),
      new Pkg("s3", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.s3.S3Client", "software.amazon.awssdk.services.s3control.S3ControlClient")),
      new Pkg("securityhub", ServiceGroup.GOVERNANCE, List.of("software.amazon.awssdk.services.securityhub.SecurityHubClient")));

  private final List<EvidenceCheck<?>> checks = new ArrayList<>();
  private final List<SnapshotLoader<?>> loaders = new ArrayList<>();

  /** The checks and loaders of every package present on the class path. */
  Catalogue(AwsClientFactory clients) {
    for (var pkg : PACKAGES) {
      if (pkg.group().isPresent() && pkg.requires().stream().allMatch(Catalogue::present)) {
        add(pkg.name(), clients);
      }
    }
  }

  List<EvidenceCheck<?>> checks() {
    return checks;
  }

  List<SnapshotLoader<?>> loaders() {
    return loaders;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, Catalogue.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private void add(String pkg, AwsClientFactory clients) {
    switch (pkg) {
      case "account" -> {
        checks.add(new io.vigil.checks.account.AccountSecurityContactRegisteredCheck());
        loaders.add(new io.vigil.checks.account.AccountSnapshotLoader(clients));
      }
      case "backup" -> {
        checks.add(new io.vigil.checks.backup.BackupPlanExistsCheck());
        checks.add(new io.vigil.checks.backup.BackupReportPlanExistsCheck());
        checks.add(new io.vigil.checks.backup.BackupVaultLockEnabledCheck());
        loaders.add(new io.vigil.checks.backup.BackupSnapshotLoader(clients));
      }
      case "cloudtrail" -> {
        checks.add(new io.vigil.checks.cloudtrail.CloudtrailMultiRegionTrailEnabledCheck());
        checks.add(new io.vigil.checks.cloudtrail.CloudtrailTrailCloudwatchLogsIntegratedCheck());
        checks.add(new io.vigil.checks.cloudtrail.CloudtrailTrailKmsEncryptedCheck());
        checks.add(new io.vigil.checks.cloudtrail.CloudtrailTrailLogFileValidationEnabledCheck());
        loaders.add(new io.vigil.checks.cloudtrail.CloudTrailSnapshotLoader(clients));
      }
      case "cloudwatch" -> {
        checks.add(new io.vigil.checks.cloudwatch.CloudwatchLogGroupKmsEncryptedCheck());
        checks.add(new io.vigil.checks.cloudwatch.CloudwatchLogGroupRetention365DaysCheck());
        loaders.add(new io.vigil.checks.cloudwatch.CloudWatchSnapshotLoader(clients));
      }
      case "config" -> {
        checks.add(new io.vigil.checks.config.ConfigDeliveryChannelConfiguredCheck());
        checks.add(new io.vigil.checks.config.ConfigRecorderAllResourcesRecordingCheck());
        loaders.add(new io.vigil.checks.config.ConfigSnapshotLoader(clients));
      }
      case "dynamodb" -> {
        checks.add(new io.vigil.checks.dynamodb.DynamodbTableDeletionProtectionEnabledCheck());
        checks.add(new io.vigil.checks.dynamodb.DynamodbTableKmsCmkEncryptedCheck());
        checks.add(new io.vigil.checks.dynamodb.DynamodbTablePitrEnabledCheck());
        loaders.add(new io.vigil.checks.dynamodb.DynamoDbSnapshotLoader(clients));
      }
      case "ec2" -> {
        checks.add(new io.vigil.checks.ec2.Ec2AmiNotPublicCheck());
        checks.add(new io.vigil.checks.ec2.Ec2EbsDefaultEncryptionEnabledCheck());
        checks.add(new io.vigil.checks.ec2.Ec2EbsSnapshotEncryptedCheck());
        checks.add(new io.vigil.checks.ec2.Ec2EbsSnapshotNotPublicCheck());
        checks.add(new io.vigil.checks.ec2.Ec2EbsVolumeEncryptedCheck());
        checks.add(new io.vigil.checks.ec2.Ec2InstanceImdsv2RequiredCheck());
        checks.add(new io.vigil.checks.ec2.Ec2InstanceNoPublicIpCheck());
        checks.add(new io.vigil.checks.ec2.Ec2NetworkAclAdminPortsRestrictedCheck());
        checks.add(new io.vigil.checks.ec2.Ec2SecuritygroupAdminPortsRestrictedCheck());
        checks.add(new io.vigil.checks.ec2.Ec2SecuritygroupDatabasePortsRestrictedCheck());
        checks.add(new io.vigil.checks.ec2.Ec2SecuritygroupDefaultRestrictsAllTrafficCheck());
        checks.add(new io.vigil.checks.ec2.Ec2VpcFlowLogsEnabledCheck());
        loaders.add(new io.vigil.checks.ec2.Ec2SnapshotLoader(clients));
      }
      case "guardduty" -> {
        checks.add(new io.vigil.checks.guardduty.GuarddutyDetectorEnabledCheck());
        checks.add(new io.vigil.checks.guardduty.GuarddutyDetectorS3ProtectionEnabledCheck());
        loaders.add(new io.vigil.checks.guardduty.GuardDutySnapshotLoader(clients));
      }
      case "iam" -> {
        checks.add(new io.vigil.checks.iam.IamPasswordPolicyStrongCheck());
        checks.add(new io.vigil.checks.iam.IamPolicyNoFullAdminAttachedCheck());
        checks.add(new io.vigil.checks.iam.IamRootAccessKeysAbsentCheck());
        checks.add(new io.vigil.checks.iam.IamRootMfaEnabledCheck());
        checks.add(new io.vigil.checks.iam.IamSupportRoleExistsCheck());
        checks.add(new io.vigil.checks.iam.IamUserAccessKeysRotated90DaysCheck());
        checks.add(new io.vigil.checks.iam.IamUserConsoleMfaEnabledCheck());
        checks.add(new io.vigil.checks.iam.IamUserNoInlineOrDirectPoliciesCheck());
        checks.add(new io.vigil.checks.iam.IamUserUnusedCredentialsDisabled45DaysCheck());
        loaders.add(new io.vigil.checks.iam.IamSnapshotLoader(clients));
      }
      case "kms" -> {
        checks.add(new io.vigil.checks.kms.KmsCmkRotationEnabledCheck());
        checks.add(new io.vigil.checks.kms.KmsKeyNotScheduledForDeletionCheck());
        checks.add(new io.vigil.checks.kms.KmsKeyPolicyNotPublicCheck());
        loaders.add(new io.vigil.checks.kms.KmsSnapshotLoader(clients));
      }
      case "lambda" -> {
        checks.add(new io.vigil.checks.lambda.LambdaFunctionEnvSecretsAbsentCheck());
        checks.add(new io.vigil.checks.lambda.LambdaFunctionNotPubliclyInvokableCheck());
        checks.add(new io.vigil.checks.lambda.LambdaFunctionRuntimeSupportedCheck());
        loaders.add(new io.vigil.checks.lambda.LambdaSnapshotLoader(clients));
      }
      case "organizations" -> {
        checks.add(new io.vigil.checks.organizations.OrganizationsAccountInOrganizationCheck());
        checks.add(new io.vigil.checks.organizations.OrganizationsScpEnabledCheck());
        loaders.add(new io.vigil.checks.organizations.OrganizationsSnapshotLoader(clients));
      }
      case "rds" -> {
        checks.add(new io.vigil.checks.rds.RdsClusterBackupRetention7DaysCheck());
        checks.add(new io.vigil.checks.rds.RdsClusterDeletionProtectionEnabledCheck());
        checks.add(new io.vigil.checks.rds.RdsClusterStorageEncryptedCheck());
        checks.add(new io.vigil.checks.rds.RdsInstanceAutoMinorUpgradeEnabledCheck());
        checks.add(new io.vigil.checks.rds.RdsInstanceBackupRetention7DaysCheck());
        checks.add(new io.vigil.checks.rds.RdsInstanceDeletionProtectionEnabledCheck());
        checks.add(new io.vigil.checks.rds.RdsInstanceMultiAzCheck());
        checks.add(new io.vigil.checks.rds.RdsInstanceNotPubliclyAccessibleCheck());
        checks.add(new io.vigil.checks.rds.RdsInstanceStorageEncryptedCheck());
        checks.add(new io.vigil.checks.rds.RdsSnapshotNotPublicCheck());
        loaders.add(new io.vigil.checks.rds.RdsSnapshotLoader(clients));
      }
      case "s3" -> {
        checks.add(new io.vigil.checks.s3.S3AccountPublicAccessBlockedCheck());
        checks.add(new io.vigil.checks.s3.S3BucketAccessLoggingEnabledCheck());
        checks.add(new io.vigil.checks.s3.S3BucketAclNotPublicCheck());
        checks.add(new io.vigil.checks.s3.S3BucketDefaultEncryptionEnabledCheck());
        checks.add(new io.vigil.checks.s3.S3BucketObjectLockEnabledCheck());
        checks.add(new io.vigil.checks.s3.S3BucketPolicyNotPublicCheck());
        checks.add(new io.vigil.checks.s3.S3BucketPublicAccessBlockedCheck());
        checks.add(new io.vigil.checks.s3.S3BucketSecureTransportEnforcedCheck());
        checks.add(new io.vigil.checks.s3.S3BucketVersioningEnabledCheck());
        loaders.add(new io.vigil.checks.s3.S3SnapshotLoader(clients));
      }
      case "securityhub" -> {
        checks.add(new io.vigil.checks.securityhub.SecurityhubHubEnabledCheck());
        loaders.add(new io.vigil.checks.securityhub.SecurityHubSnapshotLoader(clients));
      }
      default -> throw new IllegalStateException("no such check package: " + pkg);
    }
  }

  /**
   * Every check and loader class the catalogue names, for the harness's comparison (a class of
   * its own, so that the harness reads it without loading the checks' dependencies).
   */
  public static final class Listing {

    private Listing() {}

    /** The fully qualified class names. */
    public static List<String> classNames() {
      return List.of(
            "io.vigil.checks.account.AccountSecurityContactRegisteredCheck",
            "io.vigil.checks.account.AccountSnapshotLoader",
            "io.vigil.checks.backup.BackupPlanExistsCheck",
            "io.vigil.checks.backup.BackupReportPlanExistsCheck",
            "io.vigil.checks.backup.BackupVaultLockEnabledCheck",
            "io.vigil.checks.backup.BackupSnapshotLoader",
            "io.vigil.checks.cloudtrail.CloudtrailMultiRegionTrailEnabledCheck",
            "io.vigil.checks.cloudtrail.CloudtrailTrailCloudwatchLogsIntegratedCheck",
            "io.vigil.checks.cloudtrail.CloudtrailTrailKmsEncryptedCheck",
            "io.vigil.checks.cloudtrail.CloudtrailTrailLogFileValidationEnabledCheck",
            "io.vigil.checks.cloudtrail.CloudTrailSnapshotLoader",
            "io.vigil.checks.cloudwatch.CloudwatchLogGroupKmsEncryptedCheck",
            "io.vigil.checks.cloudwatch.CloudwatchLogGroupRetention365DaysCheck",
            "io.vigil.checks.cloudwatch.CloudWatchSnapshotLoader",
            "io.vigil.checks.config.ConfigDeliveryChannelConfiguredCheck",
            "io.vigil.checks.config.ConfigRecorderAllResourcesRecordingCheck",
            "io.vigil.checks.config.ConfigSnapshotLoader",
            "io.vigil.checks.dynamodb.DynamodbTableDeletionProtectionEnabledCheck",
            "io.vigil.checks.dynamodb.DynamodbTableKmsCmkEncryptedCheck",
            "io.vigil.checks.dynamodb.DynamodbTablePitrEnabledCheck",
            "io.vigil.checks.dynamodb.DynamoDbSnapshotLoader",
            "io.vigil.checks.ec2.Ec2AmiNotPublicCheck",
            "io.vigil.checks.ec2.Ec2EbsDefaultEncryptionEnabledCheck",
            "io.vigil.checks.ec2.Ec2EbsSnapshotEncryptedCheck",
            "io.vigil.checks.ec2.Ec2EbsSnapshotNotPublicCheck",
            "io.vigil.checks.ec2.Ec2EbsVolumeEncryptedCheck",
            "io.vigil.checks.ec2.Ec2InstanceImdsv2RequiredCheck",
            "io.vigil.checks.ec2.Ec2InstanceNoPublicIpCheck",
            "io.vigil.checks.ec2.Ec2NetworkAclAdminPortsRestrictedCheck",
            "io.vigil.checks.ec2.Ec2SecuritygroupAdminPortsRestrictedCheck",
            "io.vigil.checks.ec2.Ec2SecuritygroupDatabasePortsRestrictedCheck",
            "io.vigil.checks.ec2.Ec2SecuritygroupDefaultRestrictsAllTrafficCheck",
            "io.vigil.checks.ec2.Ec2VpcFlowLogsEnabledCheck",
            "io.vigil.checks.ec2.Ec2SnapshotLoader",
            "io.vigil.checks.guardduty.GuarddutyDetectorEnabledCheck",
            "io.vigil.checks.guardduty.GuarddutyDetectorS3ProtectionEnabledCheck",
            "io.vigil.checks.guardduty.GuardDutySnapshotLoader",
            "io.vigil.checks.iam.IamPasswordPolicyStrongCheck",
            "io.vigil.checks.iam.IamPolicyNoFullAdminAttachedCheck",
            "io.vigil.checks.iam.IamRootAccessKeysAbsentCheck",
            "io.vigil.checks.iam.IamRootMfaEnabledCheck",
            "io.vigil.checks.iam.IamSupportRoleExistsCheck",
            "io.vigil.checks.iam.IamUserAccessKeysRotated90DaysCheck",
            "io.vigil.checks.iam.IamUserConsoleMfaEnabledCheck",
            "io.vigil.checks.iam.IamUserNoInlineOrDirectPoliciesCheck",
            "io.vigil.checks.iam.IamUserUnusedCredentialsDisabled45DaysCheck",
            "io.vigil.checks.iam.IamSnapshotLoader",
            "io.vigil.checks.kms.KmsCmkRotationEnabledCheck",
            "io.vigil.checks.kms.KmsKeyNotScheduledForDeletionCheck",
            "io.vigil.checks.kms.KmsKeyPolicyNotPublicCheck",
            "io.vigil.checks.kms.KmsSnapshotLoader",
            "io.vigil.checks.lambda.LambdaFunctionEnvSecretsAbsentCheck",
            "io.vigil.checks.lambda.LambdaFunctionNotPubliclyInvokableCheck",
            "io.vigil.checks.lambda.LambdaFunctionRuntimeSupportedCheck",
            "io.vigil.checks.lambda.LambdaSnapshotLoader",
            "io.vigil.checks.organizations.OrganizationsAccountInOrganizationCheck",
            "io.vigil.checks.organizations.OrganizationsScpEnabledCheck",
            "io.vigil.checks.organizations.OrganizationsSnapshotLoader",
            "io.vigil.checks.rds.RdsClusterBackupRetention7DaysCheck",
            "io.vigil.checks.rds.RdsClusterDeletionProtectionEnabledCheck",
            "io.vigil.checks.rds.RdsClusterStorageEncryptedCheck",
            "io.vigil.checks.rds.RdsInstanceAutoMinorUpgradeEnabledCheck",
            "io.vigil.checks.rds.RdsInstanceBackupRetention7DaysCheck",
            "io.vigil.checks.rds.RdsInstanceDeletionProtectionEnabledCheck",
            "io.vigil.checks.rds.RdsInstanceMultiAzCheck",
            "io.vigil.checks.rds.RdsInstanceNotPubliclyAccessibleCheck",
            "io.vigil.checks.rds.RdsInstanceStorageEncryptedCheck",
            "io.vigil.checks.rds.RdsSnapshotNotPublicCheck",
            "io.vigil.checks.rds.RdsSnapshotLoader",
            "io.vigil.checks.s3.S3AccountPublicAccessBlockedCheck",
            "io.vigil.checks.s3.S3BucketAccessLoggingEnabledCheck",
            "io.vigil.checks.s3.S3BucketAclNotPublicCheck",
            "io.vigil.checks.s3.S3BucketDefaultEncryptionEnabledCheck",
            "io.vigil.checks.s3.S3BucketObjectLockEnabledCheck",
            "io.vigil.checks.s3.S3BucketPolicyNotPublicCheck",
            "io.vigil.checks.s3.S3BucketPublicAccessBlockedCheck",
            "io.vigil.checks.s3.S3BucketSecureTransportEnforcedCheck",
            "io.vigil.checks.s3.S3BucketVersioningEnabledCheck",
            "io.vigil.checks.s3.S3SnapshotLoader",
            "io.vigil.checks.securityhub.SecurityhubHubEnabledCheck",
            "io.vigil.checks.securityhub.SecurityHubSnapshotLoader");
    }
  }
}
