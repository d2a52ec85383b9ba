package io.vigil.checks.dynamodb;

import static io.vigil.checks.dynamodb.DynamoDbFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamodbTableDeletionProtectionEnabledCheckTest {

  private final DynamodbTableDeletionProtectionEnabledCheck check =
      new DynamodbTableDeletionProtectionEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoTable() {
    assertEquals(List.of(), check.evaluate(DynamoDbFixtures.of(), TARGET));
  }

  @Test
  void evaluate_passesProtected_failsUnprotected_andErrorsUnreadable() {
    // GIVEN
    var snapshot = DynamoDbFixtures.of(DynamoDbFixtures.good("a"), DynamoDbFixtures.plain("b"),
        DynamoDbFixtures.unreadable("c"));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.ERROR),
        DynamoDbFixtures.statuses(observations));
    assertEquals("table a: deletion protection is enabled", observations.get(0).reason());
    assertEquals("table b: deletion protection is disabled", observations.get(1).reason());
    assertEquals("ACTIVE", observations.get(1).evidence().get("TableStatus"));
    assertEquals("table c: DescribeTable failed: AccessDeniedException",
        observations.get(2).reason());
  }
}
