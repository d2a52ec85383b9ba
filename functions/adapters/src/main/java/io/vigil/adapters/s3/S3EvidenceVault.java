package io.vigil.adapters.s3;

import io.vigil.adapters.internal.ConcurrentWrites;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link EvidenceVault} on S3: each object lives at
 * {@code evidence/sha256/<first two hex>/<sha256>.json}, the SHA-256 of its bytes. Objects are
 * written once (skipped when present, and written with {@code If-None-Match: *}) and checked on
 * every read: content that no longer matches its address raises {@link TamperedEvidenceException}.
 * {@link #putAll} uploads up to {@value ConcurrentWrites#MAX_IN_FLIGHT} objects at a time with the
 * same client.
 */
public final class S3EvidenceVault implements EvidenceVault {

  static final String CONTENT_TYPE = "application/json";

  private final S3Client s3;
  private final String bucket;

  public S3EvidenceVault(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  /** The object key of the evidence at {@code address}. */
  public static String key(Sha256 address) {
    return "evidence/sha256/" + address.hex().substring(0, 2) + "/" + address.hex() + ".json";
  }

  @Override
  public Sha256 put(byte[] canonicalJson) {
    var address = Sha256.of(canonicalJson);
    // write-once without a prior HeadObject: the conditional PUT refuses to replace an existing
    // object (412), which for content-addressed evidence means "already stored"
    try {
      s3.putObject(r -> r.bucket(bucket)
              .key(key(address))
              .contentType(CONTENT_TYPE)
              .checksumSHA256(Base64.getEncoder().encodeToString(
                  HexFormat.of().parseHex(address.hex())))
              .ifNoneMatch("*"),
          RequestBody.fromBytes(canonicalJson));
    } catch (S3Exception e) {
      // 412: written concurrently by someone else, with the same bytes by construction
      if (e.statusCode() != 412) {
        throw e;
      }
    }
    return address;
  }

  /**
   * Puts the documents concurrently, {@value ConcurrentWrites#MAX_IN_FLIGHT} in flight at a time
   * (see {@link ConcurrentWrites} for what a failure does); each PUT keeps the client's retries.
   */
  @Override
  public List<Sha256> putAll(List<byte[]> canonicalJsons) {
    return ConcurrentWrites.map(canonicalJsons, this::put);
  }

  /**
   * The evidence at {@code address}, checked against it.
   *
   * @throws TamperedEvidenceException if the stored bytes do not hash to {@code address}
   */
  @Override
  public Optional<byte[]> get(Sha256 address) {
    byte[] bytes;
    try {
      bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(address))).asByteArray();
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
    var actual = Sha256.of(bytes);
    if (!actual.equals(address)) {
      throw new TamperedEvidenceException("s3://" + bucket + "/" + key(address), address, actual);
    }
    return Optional.of(bytes);
  }

  @Override
  public boolean contains(Sha256 address) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key(address)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
