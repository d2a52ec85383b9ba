package io.vigil.domain.evidence;

import java.util.List;
import java.util.Optional;

/**
 * Content-addressed, write-once store of evidence: each object lives under the SHA-256 of its
 * canonical bytes, so storing the same evidence twice changes nothing.
 */
public interface EvidenceVault {

  /** Stores the canonical bytes (if not already present) and returns their address. */
  Sha256 put(byte[] canonicalJson);

  /**
   * Stores many documents as {@link #put} stores each, and returns their addresses in the order
   * given. The documents are independent (content-addressed), so an implementation may store them
   * concurrently, in any order; if one cannot be stored the call fails (after the writes in flight
   * have ended), and the caller stores them all again. This default stores them one at a time.
   */
  default List<Sha256> putAll(List<byte[]> canonicalJsons) {
    return canonicalJsons.stream().map(this::put).toList();
  }

  Optional<byte[]> get(Sha256 address);

  boolean contains(Sha256 address);
}
