package io.vigil.domain.evidence;

import java.time.Instant;
import java.util.List;

/**
 * What one ledger entry records: a collection unit's {@link RunManifest}, or a
 * {@link DocumentManifest} (an audit report, an approved SoA version, manual evidence, a
 * performance report). Its canonical bytes are stored in the vault under their SHA-256, which the
 * entry chains; every object it lists must be in the vault under its own SHA-256.
 */
public sealed interface LedgerManifest permits RunManifest, DocumentManifest {

  /** A vault object the manifest lists, and what it is (for messages). */
  record Listed(Sha256 address, String description) {}

  String unitId();

  String runId();

  /** The account of the unit; {@code -} for documents. */
  String ledgerAccountId();

  /** The region of the unit; {@code -} for documents. */
  String ledgerRegion();

  Instant collectedAt();

  /** How many objects it lists (results, documents). */
  int resultCount();

  byte[] canonicalBytes();

  List<Listed> listed();

  /**
   * Reads a manifest of either kind back from its canonical bytes.
   *
   * @throws IllegalArgumentException if it is neither, or not in canonical form
   */
  static LedgerManifest parse(byte[] canonicalJson) {
    if (!(JsonReader.read(canonicalJson) instanceof java.util.Map<?, ?> root)) {
      throw new IllegalArgumentException("a manifest is a JSON object");
    }
    return DocumentManifest.KIND.equals(root.get("kind")) ? DocumentManifest.parse(canonicalJson)
        : RunManifest.parse(canonicalJson);
  }
}
