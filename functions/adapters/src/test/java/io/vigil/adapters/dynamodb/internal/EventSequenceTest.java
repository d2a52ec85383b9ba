package io.vigil.adapters.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventSequenceTest {

  @Test
  void countsUpWithinAnEnvironment() {
    long first = EventSequence.next();
    assertTrue(first >= 0);
    assertEquals(first + 1, EventSequence.next());
  }

  @Test
  void aRestoreStartsTheCounterAtAFreshPoint() {
    long beforeRestore = EventSequence.next();
    EventSequence.reseed(); // what afterRestore does
    long afterRestore = EventSequence.next();
    assertTrue(afterRestore >= 0);
    // environments restored from one snapshot must not continue the snapshot's counter
    assertNotEquals(beforeRestore + 1, afterRestore);
  }
}
