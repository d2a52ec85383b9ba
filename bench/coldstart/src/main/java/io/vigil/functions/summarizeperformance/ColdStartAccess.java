package io.vigil.functions.summarizeperformance;

import io.vigil.domain.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Access for the cold-start baseline ({@code bench/coldstart}) to the package-private adapters of
 * summarize-performance, so that the baseline wires exactly the objects the function's factory
 * wires. No logic of its own.
 */
public final class ColdStartAccess {

  private ColdStartAccess() {}

  /** The report documents in the evidence bucket. */
  public static ReportObjects reportObjects(S3Client s3, String bucket) {
    return new S3ReportObjects(s3, bucket);
  }

  /** The per-period claims in the Vigil table. */
  public static ReportClaims reportClaims(DynamoDbClient dynamo, String table, Clock clock) {
    return new DynamoDbReportClaims(dynamo, table, clock);
  }

  /** Presigned links to the documents. */
  public static ReportLinks reportLinks(S3Presigner presigner, String bucket, Duration validity,
      Clock clock) {
    return new S3ReportLinks(presigner, bucket, validity, clock);
  }
}
