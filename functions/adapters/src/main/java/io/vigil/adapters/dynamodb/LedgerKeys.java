package io.vigil.adapters.dynamodb;

/** Key values of the evidence ledger's items, as {@code docs/data-model.md} lays them out. */
final class LedgerKeys {

  /** Partition of the chain: every entry and the head pointer. */
  static final String LEDGER = "LEDGER";
  static final String HEAD = "HEAD";
  static final String ENTRY_PREFIX = "ENTRY#";
  static final String META = "META";
  /** Digits of the sequence in a sort key: fixed width, so string order is sequence order. */
  static final int DIGITS = 20;

  private LedgerKeys() {}

  /** {@code ENTRY#00000000000000000042}. */
  static String entry(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("a ledger sequence is not negative: " + sequence);
    }
    return ENTRY_PREFIX + String.format("%0" + DIGITS + "d", sequence);
  }

  /**
   * The sequence of an entry's sort key.
   *
   * @throws IllegalArgumentException if {@code sk} is not an entry's sort key
   */
  static long sequenceOf(String sk) {
    if (sk == null || !sk.startsWith(ENTRY_PREFIX)
        || sk.length() != ENTRY_PREFIX.length() + DIGITS
        || !sk.substring(ENTRY_PREFIX.length()).chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + sk + "' is not the sort key of a ledger entry");
    }
    return Long.parseLong(sk.substring(ENTRY_PREFIX.length()));
  }

  static String unit(String unitId) {
    return "LEDGERUNIT#" + unitId;
  }
}
