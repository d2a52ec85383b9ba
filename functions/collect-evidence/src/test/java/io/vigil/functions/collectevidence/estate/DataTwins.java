package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;

import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbClusterRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;

/** KMS, DynamoDB and RDS twins. */
final class DataTwins {

  private final Estate estate;
  private final String a;

  DataTwins(Estate estate) {
    this.estate = estate;
    this.a = estate.caller();
  }

  void seed() {
    kms();
    dynamoDb();
    rdsInstances();
    rdsClusters();
    rdsSnapshots();
  }

  private KmsClient kms(String account, String region) {
    return estate.client(account, KmsClient.class, KmsClient::builder, region);
  }

  private void kms() {
    // mutating calls take the key id: moto 5.2.1 fails ScheduleKeyDeletion by ARN (KeyError)
    var kms = kms(a, EU);
    var still = kms.createKey(r -> r.description("vigil twin")).keyMetadata();
    var rotating = kms.createKey(r -> r.description("vigil twin")).keyMetadata();
    kms.enableKeyRotation(r -> r.keyId(rotating.keyId()));
    estate.add("customer managed key without vs with automatic rotation",
        "kms_cmk_rotation_enabled", a, EU, still.arn(), rotating.arn());

    var member = kms(MEMBER, US);
    var doomed = member.createKey(r -> r.description("vigil twin")).keyMetadata();
    var kept = member.createKey(r -> r.description("vigil twin")).keyMetadata();
    member.enableKeyRotation(r -> r.keyId(kept.keyId()));
    member.scheduleKeyDeletion(r -> r.keyId(doomed.keyId()).pendingWindowInDays(7));
    estate.add("customer managed key scheduled vs not scheduled for deletion",
        "kms_key_not_scheduled_for_deletion", MEMBER, US, doomed.arn(), kept.arn());

    var us = kms(a, US);
    var shared = us.createKey(r -> r.description("vigil twin")).keyMetadata();
    var owned = us.createKey(r -> r.description("vigil twin")).keyMetadata();
    us.enableKeyRotation(r -> r.keyId(shared.keyId()));
    us.enableKeyRotation(r -> r.keyId(owned.keyId()));
    us.putKeyPolicy(r -> r.keyId(shared.keyId()).policyName("default")
        .policy(keyPolicy("\"*\"")));
    us.putKeyPolicy(r -> r.keyId(owned.keyId()).policyName("default")
        .policy(keyPolicy("{\"AWS\":\"arn:aws:iam::" + a + ":root\"}")));
    estate.add("key policy granting kms:Decrypt to Principal * vs to the account",
        "kms_key_policy_not_public", a, US, shared.arn(), owned.arn());
  }

  private String keyPolicy(String decryptPrincipal) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + a + ":root\"},\"Action\":\"kms:*\","
        + "\"Resource\":\"*\"},{\"Sid\":\"Decrypt\",\"Effect\":\"Allow\",\"Principal\":"
        + decryptPrincipal + ",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
  }

  private void dynamoDb() {
    estate.add("table without vs with point-in-time recovery", "dynamodb_table_pitr_enabled",
        MEMBER, EU, table(MEMBER, EU, "pitr-off", false, t -> { }),
        table(MEMBER, EU, "pitr-on", true, t -> { }));
    estate.add("table without vs with deletion protection",
        "dynamodb_table_deletion_protection_enabled", a, US,
        table(a, US, "unprotected", true, t -> t.deletionProtectionEnabled(false)),
        table(a, US, "protected", true, t -> { }));
    estate.add("table encrypted with the AWS owned key vs a customer managed key",
        "dynamodb_table_kms_cmk_encrypted", MEMBER, US,
        table(MEMBER, US, "owned-key", true, t -> t.sseSpecification((SSESpecification) null)),
        table(MEMBER, US, "cmk", true, t -> { }));
  }

  private DynamoDbClient dynamo(String account, String region) {
    return estate.client(account, DynamoDbClient.class, DynamoDbClient::builder, region);
  }

  /**
   * A table with deletion protection, a customer managed key and, when {@code pitr}, point-in-time
   * recovery; {@code difference} changes the one property a twin is about.
   */
  private String table(String account, String region, String what, boolean pitr,
      Consumer<CreateTableRequest.Builder> difference) {
    var dynamo = dynamo(account, region);
    var key = estate.key(account, region);
    var request = CreateTableRequest.builder().tableName(estate.name(what))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .deletionProtectionEnabled(true)
        .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(key));
    difference.accept(request);
    var arn = dynamo.createTable(request.build()).tableDescription().tableArn();
    if (pitr) {
      dynamo.updateContinuousBackups(r -> r.tableName(estate.name(what))
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }
    return arn;
  }

  private RdsClient rds(String account, String region) {
    return estate.client(account, RdsClient.class, RdsClient::builder, region);
  }

  /** A compliant instance; {@code difference} changes the one property a twin is about. */
  private String instance(RdsClient rds, String what,
      Consumer<CreateDbInstanceRequest.Builder> difference) {
    var request = CreateDbInstanceRequest.builder().dbInstanceIdentifier(estate.name(what))
        .engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
        .masterUsername("vigil").masterUserPassword("not-a-secret-1").storageEncrypted(true)
        .publiclyAccessible(false).backupRetentionPeriod(7).multiAZ(true)
        .deletionProtection(true).autoMinorVersionUpgrade(true);
    difference.accept(request);
    return rds.createDBInstance(request.build()).dbInstance().dbInstanceArn();
  }

  private void rdsInstances() {
    var caller = rds(a, EU);
    estate.add("DB instance without vs with storage encryption",
        "rds_instance_storage_encrypted", a, EU,
        instance(caller, "db-plain", r -> r.storageEncrypted(false)),
        instance(caller, "db-sealed", r -> { }));
    estate.add("DB instance without vs with deletion protection",
        "rds_instance_deletion_protection_enabled", a, EU,
        instance(caller, "db-unprotected", r -> r.deletionProtection(false)),
        instance(caller, "db-protected", r -> { }));
    var callerUs = rds(a, US);
    estate.add("DB instance keeping backups 1 vs 7 days",
        "rds_instance_backup_retention_7_days", a, US,
        instance(callerUs, "db-short", r -> r.backupRetentionPeriod(1)),
        instance(callerUs, "db-week", r -> { }));
    var member = rds(MEMBER, EU);
    estate.add("DB instance single-AZ vs Multi-AZ", "rds_instance_multi_az", MEMBER, EU,
        instance(member, "db-single", r -> r.multiAZ(false)),
        instance(member, "db-multi", r -> { }));
    estate.add("DB instance without vs with automatic minor version upgrade",
        "rds_instance_auto_minor_upgrade_enabled", MEMBER, EU,
        instance(member, "db-pinned", r -> r.autoMinorVersionUpgrade(false)),
        instance(member, "db-patched", r -> { }));
    var memberUs = rds(MEMBER, US);
    estate.add("DB instance publicly accessible vs private",
        "rds_instance_not_publicly_accessible", MEMBER, US,
        instance(memberUs, "db-public", r -> r.publiclyAccessible(true)),
        instance(memberUs, "db-private", r -> { }));
  }

  /** A compliant cluster; {@code difference} changes the one property a twin is about. */
  private String cluster(RdsClient rds, String what,
      Consumer<CreateDbClusterRequest.Builder> difference) {
    var request = CreateDbClusterRequest.builder().dbClusterIdentifier(estate.name(what))
        .engine("aurora-postgresql").masterUsername("vigil").masterUserPassword("not-a-secret-2")
        .storageEncrypted(true).deletionProtection(true).backupRetentionPeriod(7);
    difference.accept(request);
    return rds.createDBCluster(request.build()).dbCluster().dbClusterArn();
  }

  private void rdsClusters() {
    var callerUs = rds(a, US);
    estate.add("DB cluster without vs with storage encryption", "rds_cluster_storage_encrypted",
        a, US,
        cluster(callerUs, "cl-plain", r -> r.storageEncrypted(false)),
        cluster(callerUs, "cl-sealed", r -> { }));
    var caller = rds(a, EU);
    estate.add("DB cluster keeping backups 1 vs 7 days", "rds_cluster_backup_retention_7_days",
        a, EU,
        cluster(caller, "cl-short", r -> r.backupRetentionPeriod(1)),
        cluster(caller, "cl-week", r -> { }));
    var member = rds(MEMBER, EU);
    estate.add("DB cluster without vs with deletion protection",
        "rds_cluster_deletion_protection_enabled", MEMBER, EU,
        cluster(member, "cl-unprotected", r -> r.deletionProtection(false)),
        cluster(member, "cl-protected", r -> { }));
  }

  private void rdsSnapshots() {
    var rds = rds(MEMBER, US);
    var source = estate.name("db-private");
    var open = rds.createDBSnapshot(r -> r.dbInstanceIdentifier(source)
        .dbSnapshotIdentifier(estate.name("snap-public"))).dbSnapshot().dbSnapshotArn();
    var closed = rds.createDBSnapshot(r -> r.dbInstanceIdentifier(source)
        .dbSnapshotIdentifier(estate.name("snap-private"))).dbSnapshot().dbSnapshotArn();
    rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier(estate.name("snap-public"))
        .attributeName("restore").valuesToAdd("all"));
    estate.add("manual DB snapshot restorable by all vs not shared", "rds_snapshot_not_public",
        MEMBER, US, open, closed);
  }
}
