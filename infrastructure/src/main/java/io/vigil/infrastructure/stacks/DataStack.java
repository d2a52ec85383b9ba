package io.vigil.infrastructure.stacks;

import io.vigil.infrastructure.CollectorGroup;
import io.vigil.infrastructure.VigilConfig;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Vigil's state: the single DynamoDB table, the evidence bucket (and its access-log bucket), the
 * Vigil event bus and the collector's fan-out queues with their dead-letter queues. Everything
 * here is retained when the stack is deleted. This is the stack that also deploys to an emulator's
 * CloudFormation (see the README, "Local deployment").
 */
public final class DataStack extends Stack {

  /** Queue messages are one unit of collection; a unit may take up to the consumer's timeout. */
  public static final Duration FAN_OUT_VISIBILITY = Duration.minutes(30);
  /** Receives before a unit's message goes to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 3;

  private final Table table;
  private final Bucket accessLogs;
  private final Bucket evidence;
  private final EventBus bus;
  private final Map<CollectorGroup, Queue> fanOut = new EnumMap<>(CollectorGroup.class);
  private final Map<CollectorGroup, Queue> fanOutDlq = new EnumMap<>(CollectorGroup.class);

  public DataStack(Construct scope, String id, StackProps props, VigilConfig config) {
    super(scope, id, props);

    this.table = Table.Builder.create(this, "Table")
        .partitionKey(Attribute.builder().name("PK").type(AttributeType.STRING).build())
        .sortKey(Attribute.builder().name("SK").type(AttributeType.STRING).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(true).build())
        .encryption(TableEncryption.AWS_MANAGED)
        .deletionProtection(true)
        .timeToLiveAttribute("expiresAt")
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    for (var index : List.of("GSI1", "GSI2", "GSI3")) {
      table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
          .indexName(index)
          .partitionKey(Attribute.builder().name(index + "PK").type(AttributeType.STRING).build())
          .sortKey(Attribute.builder().name(index + "SK").type(AttributeType.STRING).build())
          .projectionType(ProjectionType.ALL)
          .build());
    }

    // S3 server access logging delivers only to SSE-S3 buckets without Object Lock retention
    this.accessLogs = Bucket.Builder.create(this, "AccessLogs")
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .versioned(true)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();

    var retention = Duration.days(config.evidenceRetentionDays);
    this.evidence = Bucket.Builder.create(this, "Evidence")
        // SSE-KMS with the AWS managed key: nobody can schedule its deletion, so evidence under
        // Object Lock cannot be made unreadable by deleting a key (ADR 0007)
        .encryption(BucketEncryption.KMS_MANAGED)
        .bucketKeyEnabled(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .versioned(true)
        .objectLockEnabled(true)
        .objectLockDefaultRetention(config.objectLockMode == VigilConfig.ObjectLockMode.COMPLIANCE
            ? ObjectLockRetention.compliance(retention)
            : ObjectLockRetention.governance(retention))
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix("evidence/")
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();

    this.bus = EventBus.Builder.create(this, "Bus")
        .eventBusName(config.eventBusName)
        .description("Vigil domain events (source vigil): findings, runs, audits")
        .build();

    for (var group : CollectorGroup.values()) {
      var name = capitalize(group.id());
      var dlq = Queue.Builder.create(this, "FanOut" + name + "Dlq")
          .encryption(QueueEncryption.SQS_MANAGED)
          .enforceSsl(true)
          .retentionPeriod(Duration.days(14))
          .build();
      var queue = Queue.Builder.create(this, "FanOut" + name)
          .encryption(QueueEncryption.SQS_MANAGED)
          .enforceSsl(true)
          .visibilityTimeout(FAN_OUT_VISIBILITY)
          .retentionPeriod(Duration.days(4))
          .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(MAX_RECEIVE_COUNT)
              .build())
          .build();
      fanOut.put(group, queue);
      fanOutDlq.put(group, dlq);
      CfnOutput.Builder.create(this, "FanOut" + name + "QueueUrl").value(queue.getQueueUrl())
          .description("fan-out queue of the " + group.id() + " collector group").build();
    }

    CfnOutput.Builder.create(this, "TableName").value(table.getTableName())
        .description("VIGIL_TABLE_NAME").build();
    CfnOutput.Builder.create(this, "EvidenceBucketName").value(evidence.getBucketName())
        .description("VIGIL_EVIDENCE_BUCKET").build();
    CfnOutput.Builder.create(this, "EventBusName").value(bus.getEventBusName())
        .description("VIGIL_EVENT_BUS_NAME").build();
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public Table table() {
    return table;
  }

  public Bucket evidenceBucket() {
    return evidence;
  }

  public Bucket accessLogsBucket() {
    return accessLogs;
  }

  public EventBus bus() {
    return bus;
  }

  public Queue fanOutQueue(CollectorGroup group) {
    return fanOut.get(group);
  }

  public Queue fanOutDeadLetterQueue(CollectorGroup group) {
    return fanOutDlq.get(group);
  }
}
