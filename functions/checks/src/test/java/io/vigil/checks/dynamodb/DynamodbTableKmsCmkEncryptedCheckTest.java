package io.vigil.checks.dynamodb;

import static io.vigil.checks.dynamodb.DynamoDbFixtures.KEY;
import static io.vigil.checks.dynamodb.DynamoDbFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamodbTableKmsCmkEncryptedCheckTest {

  private final DynamodbTableKmsCmkEncryptedCheck check = new DynamodbTableKmsCmkEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoTable() {
    assertEquals(List.of(), check.evaluate(DynamoDbFixtures.of(), TARGET));
  }

  @Test
  void evaluate_passes_withCustomerManagedKey() {
    var o = check.evaluate(DynamoDbFixtures.of(DynamoDbFixtures.good("t")), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("table t: encrypted with customer managed KMS key " + KEY, o.reason());
    assertEquals("CUSTOMER", o.evidence().get("KeyManager"));
  }

  @Test
  void evaluate_fails_withAwsOwnedOrAwsManagedKey() {
    // GIVEN
    var awsManaged = new DynamoDbSnapshot.Table("m", DynamoDbFixtures.arn("m"), Lookup.found(
        new DynamoDbSnapshot.Description(DynamoDbFixtures.arn("m"), "ACTIVE", false, "KMS",
            "arn:aws:kms:eu-west-1:123456789012:key/aws")), Lookup.found(true),
        Lookup.found("AWS"));
    // WHEN
    var observations = check.evaluate(DynamoDbFixtures.of(DynamoDbFixtures.plain("o"),
        awsManaged), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.FAIL),
        DynamoDbFixtures.statuses(observations));
    assertEquals("table o: encrypted with an AWS owned key, not a customer managed KMS key",
        observations.get(0).reason());
    assertEquals("table m: encrypted with the AWS managed KMS key"
        + " arn:aws:kms:eu-west-1:123456789012:key/aws, not a customer managed one",
        observations.get(1).reason());
  }

  @Test
  void evaluate_errors_whenTableOrKeyCouldNotBeRead() {
    var keyUnreadable = new DynamoDbSnapshot.Table("k", DynamoDbFixtures.arn("k"), Lookup.found(
        new DynamoDbSnapshot.Description(DynamoDbFixtures.arn("k"), "ACTIVE", false, "KMS", KEY)),
        Lookup.found(true), Lookup.failed("DescribeKey failed: AccessDeniedException"));
    var observations = check.evaluate(DynamoDbFixtures.of(keyUnreadable,
        DynamoDbFixtures.unreadable("u"), DynamoDbFixtures.good("g")), TARGET);
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.PASS),
        DynamoDbFixtures.statuses(observations));
    assertEquals("table k: DescribeKey failed: AccessDeniedException",
        observations.get(0).reason());
  }
}
