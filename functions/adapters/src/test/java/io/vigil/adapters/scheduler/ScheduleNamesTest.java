package io.vigil.adapters.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Schedule names: deterministic, at most 64 characters of [0-9A-Za-z_.-]. */
class ScheduleNamesTest {

  @Test
  void plainIdsAreKept() {
    assertEquals("audit-AUD-2027-03-r14",
        EventBridgeSchedulerAuditReminders.scheduleName("AUD-2027-03", "r14"));
  }

  @Test
  void longOrUnsafeIdsAreShortenedWithAHash() {
    var longId = "A".repeat(100);
    var name = EventBridgeSchedulerAuditReminders.scheduleName(longId, "due");
    assertTrue(name.length() <= 64, name);
    assertTrue(name.matches("[0-9A-Za-z_.-]+"), name);
    assertTrue(name.endsWith("-due"), name);
    assertEquals(name, EventBridgeSchedulerAuditReminders.scheduleName(longId, "due"));
    assertNotEquals(EventBridgeSchedulerAuditReminders.scheduleName("a/b", "r1"),
        EventBridgeSchedulerAuditReminders.scheduleName("a:b", "r1"));
  }
}
