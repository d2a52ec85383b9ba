package io.vigil.domain.evidence;

import java.util.Optional;

/**
 * Content-addressed, write-once store of evidence: each object lives under the SHA-256 of its
 * canonical bytes, so storing the same evidence twice changes nothing.
 */
public interface EvidenceVault {

  /** Stores the canonical bytes (if not already present) and returns their address. */
  Sha256 put(byte[] canonicalJson);

  Optional<byte[]> get(Sha256 address);

  boolean contains(Sha256 address);
}
