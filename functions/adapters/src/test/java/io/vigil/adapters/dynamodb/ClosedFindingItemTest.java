package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.adapters.contract.TestData;
import io.vigil.domain.finding.FindingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The GSI1 keys of a closed finding, and what the closing time may be given for. */
class ClosedFindingItemTest {

  private static final Instant AT = Instant.parse("2026-12-31T23:59:59.5Z");

  @Test
  void aClosedFindingWithItsClosingTimeIsListedUnderTheMonthOfThatTime() {
    var f = TestData.automated("F-1", TestData.arn("p", 1), null)
        .withStatus(FindingStatus.DECLINED);

    var map = FindingItem.SCHEMA.itemToMap(FindingItem.from(f, AT), true);

    assertEquals(AttributeValue.fromS("FINDINGS#CLOSED#2026-12"), map.get("GSI1PK"));
    assertEquals(AttributeValue.fromS("2026-12-31T23:59:59.500000000Z#F-1"), map.get("GSI1SK"));
    assertEquals(AttributeValue.fromS("2026-12-31T23:59:59.500000000Z"), map.get("closedAt"));
    assertEquals(f, FindingItem.SCHEMA.mapToItem(map).toDomain());
  }

  @Test
  void withoutAClosingTimeAClosedFindingIsOnNoGsi1List_andAnOpenOneHasNone() {
    var open = TestData.automated("F-1", TestData.arn("p", 1), null);
    var map = FindingItem.SCHEMA.itemToMap(
        FindingItem.from(open.withStatus(FindingStatus.CLOSED), null), true);
    assertFalse(map.containsKey("GSI1PK"));
    assertFalse(map.containsKey("closedAt"));
    assertThrows(IllegalArgumentException.class, () -> FindingItem.from(open, AT));
  }
}
