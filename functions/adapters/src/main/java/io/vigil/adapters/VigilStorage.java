package io.vigil.adapters;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Vigil's storage, the table and the evidence bucket: {@link #initialize()} creates whatever is
 * missing ({@code vigil init}, the demo, tests). Idempotent.
 */
public final class VigilStorage {

  /** What {@link #initialize()} did. */
  public record Initialized(String table, boolean tableCreated, String bucket,
      boolean bucketCreated) {}

  private final DynamoDbClient dynamo;
  private final VigilTable table;
  private final EvidenceBucket bucket;

  public VigilStorage(DynamoDbClient dynamo, S3Client s3, String tableName, String bucketName) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = new VigilTable(tableName);
    this.bucket = new EvidenceBucket(s3, bucketName);
  }

  /** Creates the table (waiting until it is ACTIVE) and the bucket, if absent. */
  public Initialized initialize() {
    boolean tableCreated = table.createIfAbsent(dynamo);
    boolean bucketCreated = bucket.createIfAbsent();
    return new Initialized(table.name(), tableCreated, bucket.name(), bucketCreated);
  }
}
