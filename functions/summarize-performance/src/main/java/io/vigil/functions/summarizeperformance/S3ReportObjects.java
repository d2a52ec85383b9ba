package io.vigil.functions.summarizeperformance;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ReportObjects} in the evidence bucket, as {@code S3EvidenceVault} writes evidence: with
 * {@code If-None-Match: *} (an object is created once, never replaced; a 412 means the same
 * content-addressed bytes are stored already) and {@code x-amz-checksum-sha256} equal to the key's
 * hash, so S3 rejects a corrupted upload. No ACL is set: the bucket blocks public access.
 */
final class S3ReportObjects implements ReportObjects {

  private final S3Client s3;
  private final String bucket;

  S3ReportObjects(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("an evidence bucket is required");
    }
    this.bucket = bucket;
  }

  @Override
  public void put(String key, byte[] bytes, String sha256Hex, String contentType) {
    try {
      s3.putObject(r -> r.bucket(bucket)
              .key(key)
              .contentType(contentType)
              .checksumSHA256(Base64.getEncoder().encodeToString(
                  HexFormat.of().parseHex(sha256Hex)))
              .ifNoneMatch("*"),
          RequestBody.fromBytes(bytes));
    } catch (S3Exception e) {
      if (e.statusCode() != 412) {
        throw e;
      }
      // stored before (same key, so the same bytes): nothing to do
    }
  }
}
