package io.vigil.functions.summarizeperformance;

import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * {@link ReportLinks} as presigned S3 GET URLs, signed with the caller's credentials (in Lambda:
 * the function's role). A URL works until the validity ends or the signing credentials expire,
 * whichever comes first: temporary credentials (a Lambda role's session) end it earlier.
 */
final class S3ReportLinks implements ReportLinks {

  /** SigV4 presigned URLs are valid for at most seven days. */
  static final Duration MAX_VALIDITY = Duration.ofDays(7);

  private final S3Presigner presigner;
  private final String bucket;
  private final Duration validity;
  private final Clock clock;

  S3ReportLinks(S3Presigner presigner, String bucket, Duration validity, Clock clock) {
    this.presigner = Objects.requireNonNull(presigner, "presigner");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new IllegalArgumentException("a presigned URL is valid for up to 7 days, not "
          + validity);
    }
    this.validity = validity;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Link link(String key) {
    var signedAt = clock.now();
    var request = GetObjectPresignRequest.builder()
        .signatureDuration(validity)
        .getObjectRequest(r -> r.bucket(bucket).key(key))
        .build();
    var url = presigner.presignGetObject(request).url().toString();
    return new Link(url, signedAt.plus(validity));
  }
}
