package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LedgerKeysTest {

  @Test
  void entryKeysAreFixedWidthSoStringOrderIsSequenceOrder() {
    assertEquals("ENTRY#00000000000000000042", LedgerKeys.entry(42));
    assertTrue(LedgerKeys.entry(9).compareTo(LedgerKeys.entry(10)) < 0);
    assertEquals("ENTRY#09223372036854775807", LedgerKeys.entry(Long.MAX_VALUE));
  }

  @Test
  void sequenceOfReadsBackOnlyWellFormedEntryKeys() {
    assertEquals(42, LedgerKeys.sequenceOf(LedgerKeys.entry(42)));
    for (var bad : new String[] {"HEAD", "ENTRY#42", "ENTRY#0000000000000000004x",
        "ENTRY#99999999999999999999", null}) {
      assertThrows(IllegalArgumentException.class, () -> LedgerKeys.sequenceOf(bad), bad);
    }
  }
}
