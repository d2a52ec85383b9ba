package io.vigil.domain.evidence;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LedgerVerifier#verify()} found: how much it verified and, if the ledger is not
 * intact, the first problem. Verification stops at the first problem, so the counts are of what
 * was verified before it.
 *
 * @param entries ledger entries verified (hash, link, manifest and every listed object)
 * @param manifests manifests verified
 * @param evidenceObjects distinct evidence objects verified (evidence is content-addressed, so an
 *     object listed by many manifests is read once)
 * @param problem the first problem, if any
 */
public record VerificationReport(
    int entries, int manifests, int evidenceObjects, Optional<Problem> problem) {

  /** The kinds of problem the verifier tells apart. */
  public enum Kind {
    /** A ledger item cannot be read as an entry (a field removed or garbled). */
    ENTRY_UNREADABLE,
    /** An entry's fields no longer hash to its recorded entry hash: it was modified. */
    ENTRY_MODIFIED,
    /** A sequence number has no item: an entry was deleted. */
    ENTRY_MISSING,
    /** An item holds the entry of another sequence: items were moved or swapped. */
    ENTRY_MISPLACED,
    /** An entry's previous hash is not its predecessor's hash: the chain was rewritten. */
    BROKEN_LINK,
    /** A unit has two entries. */
    DUPLICATE_UNIT,
    /** The head pointer disagrees with the last entry: the end was cut off, or it was changed. */
    HEAD_MISMATCH,
    /** An entry's manifest is not in the vault. */
    MANIFEST_MISSING,
    /** An entry's manifest no longer hashes to its address: it was modified. */
    MANIFEST_MODIFIED,
    /** An entry's manifest cannot be read, or says something other than its entry. */
    MANIFEST_MISMATCH,
    /** An evidence object a manifest lists is not in the vault. */
    EVIDENCE_MISSING,
    /** An evidence object no longer hashes to its address: it was modified. */
    EVIDENCE_MODIFIED
  }

  /**
   * The first problem found.
   *
   * @param kind what is wrong
   * @param sequence the ledger entry concerned (0 if none)
   * @param unitId the unit of that entry, if known (else empty)
   * @param location where the broken thing is stored (object URL, table item), if known
   * @param expected what should be there (a hash, a sequence), if applicable (else empty)
   * @param actual what is there, if applicable (else empty)
   * @param message one complete sentence naming all of the above
   */
  public record Problem(Kind kind, long sequence, String unitId, String location,
      String expected, String actual, String message) {

    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      unitId = unitId == null ? "" : unitId;
      location = location == null ? "" : location;
      expected = expected == null ? "" : expected;
      actual = actual == null ? "" : actual;
    }
  }

  public VerificationReport {
    Objects.requireNonNull(problem, "problem");
  }

  /** True if the whole ledger and everything it lists is as recorded. */
  public boolean intact() {
    return problem.isEmpty();
  }

  /** Objects verified: manifests plus distinct evidence objects. */
  public int objects() {
    return manifests + evidenceObjects;
  }

  /**
   * One line: {@code verified N entries, M objects (m manifests, e evidence objects)} when
   * intact, else the problem's message.
   */
  public String summary() {
    return problem.map(Problem::message).orElseGet(this::counts);
  }

  /** {@code verified N entries, M objects (m manifests, e evidence objects)}. */
  public String counts() {
    return "verified " + entries + " entr" + (entries == 1 ? "y" : "ies") + ", " + objects()
        + " object" + (objects() == 1 ? "" : "s") + " (" + manifests + " manifest"
        + (manifests == 1 ? "" : "s") + ", " + evidenceObjects + " evidence object"
        + (evidenceObjects == 1 ? "" : "s") + ")";
  }
}
