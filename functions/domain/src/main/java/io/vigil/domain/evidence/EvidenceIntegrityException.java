package io.vigil.domain.evidence;

/**
 * Stored evidence, a manifest or a ledger item is not what was written: its content no longer
 * hashes to its address, or it cannot be read as what it claims to be. It must not be presented as
 * evidence; treat it as tampered with (or corrupted) and investigate. Adapters throw it (or a
 * subclass, such as the S3 vault's) so that the domain can tell tampering from an outage.
 */
public class EvidenceIntegrityException extends RuntimeException {

  private final String location;
  private final Sha256 expected;
  private final Sha256 actual;

  /** Content at {@code location} that hashes to {@code actual} instead of {@code expected}. */
  public EvidenceIntegrityException(String message, String location, Sha256 expected,
      Sha256 actual) {
    super(message);
    this.location = location;
    this.expected = expected;
    this.actual = actual;
  }

  /** Content at {@code location} that is missing or inconsistent, as {@code message} says. */
  public EvidenceIntegrityException(String message, String location) {
    this(message, location, (Throwable) null);
  }

  /** Content at {@code location} that cannot be read as what it claims to be. */
  public EvidenceIntegrityException(String message, String location, Throwable cause) {
    super(message, cause);
    this.location = location;
    this.expected = null;
    this.actual = null;
  }

  /** Where the content lives, e.g. {@code s3://bucket/key} or a table item's key. */
  public String location() {
    return location;
  }

  /** The digest the content should have, when the problem is a digest mismatch (else null). */
  public Sha256 expected() {
    return expected;
  }

  /** The digest the content has, when the problem is a digest mismatch (else null). */
  public Sha256 actual() {
    return actual;
  }
}
