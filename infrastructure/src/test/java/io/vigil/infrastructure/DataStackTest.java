package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The data stack: table keys and indexes, protections of the evidence bucket, queues, bus. */
class DataStackTest {

  private static Template defaults() {
    var built = TestApps.defaults();
    return built.template(built.vigil().data());
  }

  private static Template prod() {
    var built = TestApps.full();
    return built.template(built.vigil().data());
  }

  @Test
  void tableHasTheDocumentedKeysAndThreeIndexes() {
    var gsi = List.of("GSI1", "GSI2", "GSI3").stream().map(i -> Match.objectLike(Map.of(
        "IndexName", i,
        "KeySchema", List.of(
            Map.of("AttributeName", i + "PK", "KeyType", "HASH"),
            Map.of("AttributeName", i + "SK", "KeyType", "RANGE")),
        "Projection", Map.of("ProjectionType", "ALL")))).toList();
    defaults().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
        "KeySchema", List.of(
            Map.of("AttributeName", "PK", "KeyType", "HASH"),
            Map.of("AttributeName", "SK", "KeyType", "RANGE")),
        "BillingMode", "PAY_PER_REQUEST",
        "GlobalSecondaryIndexes", gsi,
        "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
        "DeletionProtectionEnabled", true,
        "SSESpecification", Map.of("SSEEnabled", true)));
    var attributes = new Capture();
    defaults().hasResourceProperties("AWS::DynamoDB::Table",
        Map.of("AttributeDefinitions", attributes));
    assertEquals(8, attributes.asArray().size(), "PK, SK and the six GSI key attributes");
    defaults().hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain",
        "UpdateReplacePolicy", "Retain"));
    defaults().resourceCountIs("AWS::DynamoDB::Table", 1);
  }

  @Test
  void evidenceBucketIsVersionedLockedEncryptedPrivateAndLogged() {
    var template = defaults();
    template.hasResourceProperties("AWS::S3::Bucket", Map.of(
        "VersioningConfiguration", Map.of("Status", "Enabled"),
        "ObjectLockEnabled", true,
        "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
            "Rule", Map.of("DefaultRetention", Map.of("Mode", "GOVERNANCE", "Days", 30))),
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(
            Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms"),
                "BucketKeyEnabled", true)))),
        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true,
            "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
        "LoggingConfiguration", Match.objectLike(Map.of(
            "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("AccessLogs.*")),
            "LogFilePrefix", "evidence/"))));
    template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
        "DeletionPolicy", "Retain",
        "Properties", Match.objectLike(Map.of("ObjectLockEnabled", true)))));
  }

  @Test
  void productionLocksEvidenceInComplianceModeForTheCertificationCycle() {
    prod().hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
            "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 1095))))));
  }

  @Test
  void everyBucketRefusesPlainHttpAndBlocksPublicAccess() {
    var template = defaults();
    var buckets = template.findResources("AWS::S3::Bucket");
    assertEquals(2, buckets.size(), "evidence and access-log buckets");
    for (var id : buckets.keySet()) {
      template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
          "Bucket", Map.of("Ref", id),
          "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
              Match.objectLike(Map.of(
                  "Effect", "Deny",
                  "Action", "s3:*",
                  "Principal", Map.of("AWS", "*"),
                  "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
      template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("Properties",
          Match.objectLike(Map.of("PublicAccessBlockConfiguration", Map.of(
              "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
              "RestrictPublicBuckets", true))))));
    }
    // access logs arrive through a bucket policy for the logging service, not an ACL
    template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of(
                "Effect", "Allow",
                "Action", "s3:PutObject",
                "Principal", Map.of("Service", "logging.s3.amazonaws.com")))))))));
  }

  @Test
  void fanOutQueuesHaveDeadLetterQueuesAndOutliveACollectionUnit() {
    var template = defaults();
    var queues = template.findResources("AWS::SQS::Queue", Map.of("Properties",
        Map.of("RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3)))));
    assertEquals(2, queues.size(), "network and governance fan-out queues");
    for (var queue : queues.values()) {
      @SuppressWarnings("unchecked")
      var props = (Map<String, Object>) queue.get("Properties");
      assertEquals(1800, ((Number) props.get("VisibilityTimeout")).intValue());
      assertEquals(true, props.get("SqsManagedSseEnabled"));
    }
    template.resourceCountIs("AWS::SQS::Queue", 4);
  }

  @Test
  void vigilBusIsNamedFromTheContext() {
    defaults().hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "vigil"));
    assertTrue(defaults().findOutputs("TableName").size() == 1);
  }
}
