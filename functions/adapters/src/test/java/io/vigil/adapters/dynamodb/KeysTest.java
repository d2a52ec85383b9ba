package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void keysFollowTheDataModel() {
    assertEquals("RUN#run-1", Keys.run("run-1"));
    assertEquals("RESULT#1#c#arn", Keys.result("1#c#arn"));
    assertEquals("SUBJECT#1#c#arn", Keys.subject("1#c#arn"));
    assertEquals("FINDING#F-1", Keys.finding("F-1"));
    assertEquals("CHECK#s3_bucket_x_y", Keys.check("s3_bucket_x_y"));
    assertEquals("CONTROL#A.8.24", Keys.control("A.8.24"));
    assertEquals("EVENT#2026-11-28T06:00:00.000000000Z#00000000000000ff",
        Keys.event("2026-11-28T06:00:00.000000000Z", 255));
    assertEquals("ACTION#A-1", Keys.action("A-1"));
    assertEquals("OVERDUE#A-1#2027-02-01", Keys.overdue("A-1", "2027-02-01"));
  }

  @Test
  void aSortKeyWithinTheLimitIsUnchanged() {
    var key = "RESULT#" + "a".repeat(Keys.MAX_SORT_KEY_BYTES - 7);

    assertEquals(key, Keys.bounded(key));
  }

  @Test
  void anOverlongSortKeyIsShortenedDeterministicallyAndStaysUnique() {
    var a = "RESULT#123#c#arn:aws:iam::123:role/" + "é/".repeat(600) + "a";
    var b = "RESULT#123#c#arn:aws:iam::123:role/" + "é/".repeat(600) + "b";

    var boundedA = Keys.bounded(a);

    assertTrue(boundedA.getBytes(StandardCharsets.UTF_8).length <= Keys.MAX_SORT_KEY_BYTES);
    assertTrue(boundedA.startsWith("RESULT#123#c#arn:aws:iam::123:role/é/"));
    assertEquals(boundedA, Keys.bounded(a));
    assertNotEquals(boundedA, Keys.bounded(b));
  }
}
