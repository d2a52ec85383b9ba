package io.vigil.adapters.s3;

import io.vigil.domain.evidence.Sha256;

/**
 * Thrown when stored evidence no longer hashes to its address: the object was changed after it
 * was written (or corrupted), so it must not be presented as evidence.
 */
public final class TamperedEvidenceException extends RuntimeException {

  private final Sha256 expected;
  private final Sha256 actual;

  public TamperedEvidenceException(String location, Sha256 expected, Sha256 actual) {
    super("evidence " + location + " is not what was stored: its content hashes to " + actual
        + ", not to its address " + expected + "; treat it as tampered and investigate (the"
        + " bucket's object versions keep the original)");
    this.expected = expected;
    this.actual = actual;
  }

  public Sha256 expected() {
    return expected;
  }

  public Sha256 actual() {
    return actual;
  }
}
