package io.vigil.cli;

import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The demo's sample AWS estate, seeded into an emulator: deliberate misconfigurations (a public
 * bucket, an unencrypted bucket, SSH open to the world, a console user without MFA, a weak
 * password policy, no CloudTrail) next to well-configured resources, so a run shows both FAIL and
 * PASS. Seeding is idempotent: resources that already exist are reused.
 */
final class DemoEstate {

  static final String PUBLIC_BUCKET = "vigil-demo-public";
  static final String UNENCRYPTED_BUCKET = "vigil-demo-unencrypted";
  static final String SECURE_BUCKET = "vigil-demo-secure";
  static final String OPEN_SSH_GROUP = "vigil-demo-ssh-open";
  static final String HTTPS_GROUP = "vigil-demo-https";
  static final String CONSOLE_USER = "vigil-demo-console-user";
  static final String MFA_USER = "vigil-demo-mfa-user";
  static final String CI_USER = "vigil-demo-ci";

  /**
   * A seeded misconfiguration and how to recognise the finding that reports it: a finding of a
   * check of {@code service} whose id contains one of {@code checkKeywords} (any, if none) about a
   * resource whose ARN contains {@code resourceHint} (any, if null).
   */
  record Misconfiguration(
      String description, String service, String resourceHint, List<String> checkKeywords) {

    boolean detectedBy(Finding f) {
      return f.checkId() != null && matches(f.checkId().value(), f.resourceArn());
    }

    /** True if a FAIL of {@code checkId} on {@code resourceArn} reports this misconfiguration. */
    boolean matches(String checkId, String resourceArn) {
      if (!checkId.startsWith(service + "_")) {
        return false;
      }
      if (resourceHint != null && (resourceArn == null || !resourceArn.contains(resourceHint))) {
        return false;
      }
      var id = checkId.toLowerCase(Locale.ROOT);
      return checkKeywords.isEmpty() || checkKeywords.stream().anyMatch(id::contains);
    }
  }

  private final AwsClientFactory clients;
  private final Region region;
  private final Consumer<String> log;

  private DemoEstate(AwsSettings settings, Consumer<String> log) {
    this.clients = new AwsClientFactory(settings);
    this.region = clients.defaultRegion();
    this.log = log;
  }

  /**
   * Seeds the estate into the emulator at {@code endpoint} and returns the misconfigurations a
   * collection run must report.
   */
  static List<Misconfiguration> seed(String endpoint, String region, Consumer<String> log) {
    var estate = new DemoEstate(AwsSettings.emulator(endpoint, region), log);
    try {
      return estate.seed();
    } finally {
      estate.clients.close();
    }
  }

  private List<Misconfiguration> seed() {
    var found = new ArrayList<Misconfiguration>();
    seedBuckets();
    found.add(new Misconfiguration("public bucket " + PUBLIC_BUCKET
        + " (public access block off, public-read policy)", "s3", PUBLIC_BUCKET,
        List.of("public")));
    found.add(new Misconfiguration("unencrypted bucket " + UNENCRYPTED_BUCKET
        + " (no default encryption)", "s3", UNENCRYPTED_BUCKET, List.of("encrypt")));
    var sshGroup = seedSecurityGroups();
    found.add(new Misconfiguration("SSH (22) open to 0.0.0.0/0 in security group " + sshGroup
        + " (" + OPEN_SSH_GROUP + ")", "ec2", sshGroup, List.of()));
    seedUsers();
    found.add(new Misconfiguration("IAM user " + CONSOLE_USER
        + " with a console password and no MFA", "iam", "user/" + CONSOLE_USER, List.of("mfa")));
    seedPasswordPolicy();
    found.add(new Misconfiguration("weak account password policy (6 characters, no complexity)",
        "iam", null, List.of("password")));
    seedKmsKey();
    log.accept("no CloudTrail trail (left out on purpose)");
    found.add(new Misconfiguration("no CloudTrail trail", "cloudtrail", null, List.of()));
    return found;
  }

  private void seedBuckets() {
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    for (var name : List.of(PUBLIC_BUCKET, UNENCRYPTED_BUCKET, SECURE_BUCKET)) {
      createBucket(s3, name);
    }
    s3.putPublicAccessBlock(r -> r.bucket(PUBLIC_BUCKET).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(false).ignorePublicAcls(false)
        .blockPublicPolicy(false).restrictPublicBuckets(false)));
    s3.putBucketPolicy(r -> r.bucket(PUBLIC_BUCKET).policy("{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + PUBLIC_BUCKET + "/*\"}]}"));
    encrypt(s3, PUBLIC_BUCKET);
    log.accept("bucket " + PUBLIC_BUCKET + ": public access block off, public-read bucket policy");

    blockPublicAccess(s3, UNENCRYPTED_BUCKET);
    s3.deleteBucketEncryption(r -> r.bucket(UNENCRYPTED_BUCKET));
    try {
      var rules = s3.getBucketEncryption(r -> r.bucket(UNENCRYPTED_BUCKET))
          .serverSideEncryptionConfiguration().rules();
      if (!rules.isEmpty()) {
        throw new CommandFailure("the emulator still reports default encryption on "
            + UNENCRYPTED_BUCKET + " after deleting it; cannot seed an unencrypted bucket");
      }
    } catch (AwsServiceException e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
    log.accept("bucket " + UNENCRYPTED_BUCKET + ": no default encryption (verified)");

    blockPublicAccess(s3, SECURE_BUCKET);
    encrypt(s3, SECURE_BUCKET);
    s3.putBucketVersioning(r -> r.bucket(SECURE_BUCKET)
        .versioningConfiguration(v -> v.status("Enabled")));
    log.accept("bucket " + SECURE_BUCKET + ": public access blocked, encrypted, versioned");
  }

  private void createBucket(S3Client s3, String name) {
    try {
      if (region.id().equals("us-east-1")) {
        s3.createBucket(r -> r.bucket(name));
      } else {
        s3.createBucket(r -> r.bucket(name)
            .createBucketConfiguration(c -> c.locationConstraint(region.id())));
      }
    } catch (AwsServiceException e) {
      if (!alreadyExists(e)) {
        throw e;
      }
    }
  }

  private static void blockPublicAccess(S3Client s3, String bucket) {
    s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(true).ignorePublicAcls(true)
        .blockPublicPolicy(true).restrictPublicBuckets(true)));
  }

  private static void encrypt(S3Client s3, String bucket) {
    s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c
        .rules(rule -> rule.applyServerSideEncryptionByDefault(
            d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
  }

  /** Creates the two security groups; returns the id of the one with SSH open to the world. */
  private String seedSecurityGroups() {
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, region);
    var vpcs = ec2.describeVpcs(r -> r.filters(f -> f.name("isDefault").values("true"))).vpcs();
    var vpcId = vpcs.isEmpty()
        ? ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId()
        : vpcs.get(0).vpcId();
    var open = securityGroup(ec2, vpcId, OPEN_SSH_GROUP, "Vigil demo: SSH open to the world");
    authorize(ec2, open, IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(r -> r.cidrIp("0.0.0.0/0").description("anyone")).build());
    log.accept("security group " + open + " (" + OPEN_SSH_GROUP + "): SSH (22) open to 0.0.0.0/0");
    var https = securityGroup(ec2, vpcId, HTTPS_GROUP, "Vigil demo: HTTPS only");
    authorize(ec2, https, IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
        .ipRanges(r -> r.cidrIp("0.0.0.0/0").description("public web")).build());
    authorize(ec2, https, IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(r -> r.cidrIp("10.0.0.0/8").description("internal admin")).build());
    log.accept("security group " + https + " (" + HTTPS_GROUP + "): HTTPS from anywhere,"
        + " SSH from 10.0.0.0/8 only");
    return open;
  }

  private static String securityGroup(Ec2Client ec2, String vpcId, String name, String text) {
    var existing = ec2.describeSecurityGroups(r -> r.filters(
        f -> f.name("group-name").values(name), f -> f.name("vpc-id").values(vpcId)))
        .securityGroups();
    if (!existing.isEmpty()) {
      return existing.get(0).groupId();
    }
    return ec2.createSecurityGroup(r -> r.groupName(name).description(text).vpcId(vpcId))
        .groupId();
  }

  private static void authorize(Ec2Client ec2, String groupId, IpPermission permission) {
    try {
      ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission));
    } catch (AwsServiceException e) {
      if (!alreadyExists(e)) {
        throw e;
      }
    }
  }

  private void seedUsers() {
    var iam = clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL);
    createUser(iam, CONSOLE_USER);
    ignoreExisting(() -> iam.createLoginProfile(r -> r.userName(CONSOLE_USER)
        .password("Demo-password-1").passwordResetRequired(false)));
    log.accept("IAM user " + CONSOLE_USER + ": console password, no MFA");

    createUser(iam, MFA_USER);
    ignoreExisting(() -> iam.createLoginProfile(r -> r.userName(MFA_USER)
        .password("Demo-password-2").passwordResetRequired(false)));
    if (iam.listMFADevices(r -> r.userName(MFA_USER)).mfaDevices().isEmpty()) {
      var serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(MFA_USER))
          .virtualMFADevice().serialNumber();
      iam.enableMFADevice(r -> r.userName(MFA_USER).serialNumber(serial)
          .authenticationCode1("123456").authenticationCode2("654321"));
    }
    log.accept("IAM user " + MFA_USER + ": console password with a virtual MFA device");

    createUser(iam, CI_USER);
    log.accept("IAM user " + CI_USER + ": no console access");
  }

  private static void createUser(IamClient iam, String name) {
    ignoreExisting(() -> iam.createUser(r -> r.userName(name)));
  }

  private void seedPasswordPolicy() {
    var iam = clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL);
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(6)
        .requireSymbols(false).requireNumbers(false)
        .requireUppercaseCharacters(false).requireLowercaseCharacters(false)
        .allowUsersToChangePassword(true));
    log.accept("account password policy: minimum length 6, no complexity, no expiry, no reuse"
        + " prevention");
  }

  private void seedKmsKey() {
    var kms = clients.client(KmsClient.class, KmsClient::builder, region);
    var alias = "alias/vigil-demo";
    var exists = kms.listAliases().aliases().stream().anyMatch(a -> alias.equals(a.aliasName()));
    if (!exists) {
      var keyId = kms.createKey(r -> r.description("Vigil demo key")).keyMetadata().keyId();
      kms.enableKeyRotation(r -> r.keyId(keyId));
      kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
    }
    log.accept("KMS key " + alias + ": automatic rotation enabled");
  }

  private static void ignoreExisting(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      if (!alreadyExists(e)) {
        throw e;
      }
    }
  }

  private static boolean alreadyExists(AwsServiceException e) {
    var code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    return e.statusCode() == 409 || code.contains("AlreadyExists") || code.contains("Duplicate")
        || code.contains("AlreadyOwned");
  }
}
