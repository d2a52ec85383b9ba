package io.vigil.checks.dynamodb;

import static io.vigil.checks.dynamodb.DynamoDbFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamodbTablePitrEnabledCheckTest {

  private final DynamodbTablePitrEnabledCheck check = new DynamodbTablePitrEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoTable() {
    assertEquals(List.of(), check.evaluate(DynamoDbFixtures.of(), TARGET));
  }

  @Test
  void evaluate_passes_whenPitrIsOn() {
    var o = check.evaluate(DynamoDbFixtures.of(DynamoDbFixtures.good("orders")), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals(DynamoDbFixtures.arn("orders"), o.resourceArn());
    assertEquals("table orders: point-in-time recovery is enabled", o.reason());
  }

  @Test
  void evaluate_fails_whenPitrIsOff() {
    var o = check.evaluate(DynamoDbFixtures.of(DynamoDbFixtures.plain("cache")), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("table cache: point-in-time recovery is disabled", o.reason());
    assertEquals(false, o.evidence().get("PointInTimeRecoveryEnabled"));
  }

  @Test
  void evaluate_errorsForOneTable_andJudgesTheOthers() {
    var observations = check.evaluate(DynamoDbFixtures.of(DynamoDbFixtures.good("a"),
        DynamoDbFixtures.unreadable("b"), DynamoDbFixtures.plain("c")), TARGET);
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL),
        DynamoDbFixtures.statuses(observations));
    assertEquals("table b: DescribeContinuousBackups failed: AccessDeniedException",
        observations.get(1).reason());
  }
}
