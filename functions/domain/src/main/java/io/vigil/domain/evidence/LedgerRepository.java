package io.vigil.domain.evidence;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: the append-only store of the {@link EvidenceLedger}. The store serialises appends: an
 * append succeeds only if it extends the current head, so concurrent writers can never fork the
 * chain (two entries with one sequence or one previous hash), and only if its unit has no entry
 * yet, so a retried unit is never recorded twice. Reads are strongly consistent.
 */
public interface LedgerRepository {

  /** What became of an {@link #append}. */
  enum Append {
    /** The entry is stored and is the new head. */
    APPENDED,
    /**
     * The entry does not extend the current head (another writer appended first, or its sequence
     * is taken); nothing was stored. Read the head again and retry.
     */
    HEAD_MOVED,
    /** The entry's unit already has an entry; nothing was stored. */
    UNIT_RECORDED
  }

  /**
   * An entry as stored, with the sequence its storage key gives it. In an intact ledger the two
   * sequences are equal; they differ when items were moved or swapped behind the store's back.
   *
   * @param keySequence the sequence of the storage slot (e.g. the item's sort key)
   * @param entry the entry's content
   */
  record Stored(long keySequence, LedgerEntry entry) {}

  /** The latest entry, as the store's head pointer records it; empty while the ledger is empty. */
  Optional<LedgerEntry> head();

  /** The entry recording {@code unitId}, if it was recorded. */
  Optional<LedgerEntry> findByUnit(String unitId);

  /**
   * Stores {@code entry} as the new head, atomically, if and only if it extends the current head
   * (its sequence is the head's plus one and its previous hash is the head's entry hash, or it is
   * the first entry of an empty ledger) and its unit has no entry. Does not check the entry's own
   * hash: that is the ledger's business, and the verifier's.
   */
  Append append(LedgerEntry entry);

  /**
   * The stored entries whose storage keys come after {@code sequence}, in key (sequence) order,
   * read lazily page by page. The content is returned as stored, unchecked, so that the verifier
   * can see tampering.
   *
   * @throws EvidenceIntegrityException (while streaming) if a stored item cannot be read as an
   *     entry; its message names the item
   */
  Stream<Stored> entriesAfter(long sequence);

  /** Every stored entry, in key (sequence) order: {@link #entriesAfter}{@code (0)}. */
  default Stream<Stored> entries() {
    return entriesAfter(0);
  }

  /**
   * Where the entry of {@code sequence} is stored, for messages (e.g. the table and key of its
   * item).
   */
  default String locate(long sequence) {
    return "ledger entry " + sequence;
  }
}
