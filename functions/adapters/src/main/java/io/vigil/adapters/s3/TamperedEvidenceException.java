package io.vigil.adapters.s3;

import io.vigil.domain.evidence.EvidenceIntegrityException;
import io.vigil.domain.evidence.Sha256;

/**
 * Thrown when stored evidence no longer hashes to its address: the object was changed after it
 * was written (or corrupted), so it must not be presented as evidence. The S3 form of the domain's
 * {@link EvidenceIntegrityException}; {@link #location()} is the object's {@code s3://} URL.
 */
public final class TamperedEvidenceException extends EvidenceIntegrityException {

  public TamperedEvidenceException(String location, Sha256 expected, Sha256 actual) {
    super("evidence " + location + " is not what was stored: its content hashes to " + actual
        + ", not to its address " + expected + "; treat it as tampered and investigate (the"
        + " bucket's object versions keep the original)", location, expected, actual);
  }
}
