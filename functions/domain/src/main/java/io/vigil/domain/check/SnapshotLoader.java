package io.vigil.domain.check;

/**
 * Reads the configuration one AWS service needs for its checks, once per target, so that many
 * checks evaluate one set of read-only API calls.
 *
 * @param <S> the snapshot type
 */
public interface SnapshotLoader<S> {

  /** Where a snapshot is valid: once per account (global services) or per account and region. */
  enum Scope {
    ACCOUNT,
    REGION
  }

  Class<S> snapshotType();

  /** Service name as in ARNs, e.g. {@code s3}, {@code iam}. */
  String service();

  Scope scope();

  /**
   * Loads the snapshot. Throws when the service cannot be read (access denied, throttled beyond
   * retries, unavailable): every check that depends on it then records ERROR for the target.
   */
  S load(ScanTarget target);
}
