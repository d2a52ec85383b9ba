package io.vigil.adapters.dynamodb;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.RunRepositoryContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vigil.adapters.contract.TestData;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunRepository.Start;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.AfterAll;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbRunRepository} against the emulator. */
@WithAwsEmulator
class DynamoDbRunRepositoryIT extends RunRepositoryContract {

  private static Emulated aws;
  private static String table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("runs");
    new VigilTable(table).createIfAbsent(aws.dynamo());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected RunRepository repository() {
    return new DynamoDbRunRepository(aws.enhanced(), table);
  }

  @Test
  void theClaimIsStoredAsTheDeadlineInEpochMillis() {
    var runId = "run-" + TestData.unique();
    var deadline = TestData.T0.plusSeconds(600);

    repository().start(runId, "schedule:hourly", TestData.T0, deadline);

    assertEquals(AttributeValue.fromN(Long.toString(deadline.toEpochMilli())), item(runId)
        .get("claimedUntil"));
  }

  @Test
  void anInProgressRunWrittenBeforeClaimsHadADeadline_isClaimedAgain() {
    var runId = "run-" + TestData.unique();
    aws.dynamo().putItem(b -> b.tableName(table).item(Map.of(
        "PK", AttributeValue.fromS("RUN#" + runId), "SK", AttributeValue.fromS("META"),
        "type", AttributeValue.fromS("Run"), "runId", AttributeValue.fromS(runId),
        "status", AttributeValue.fromS("IN_PROGRESS"),
        "trigger", AttributeValue.fromS("schedule:hourly"),
        "startedAt", AttributeValue.fromS(TestData.T0.toString()))));

    assertInstanceOf(Start.Claimed.class, repository().start(runId, "schedule:hourly",
        TestData.T0.plusSeconds(1), TestData.T0.plusSeconds(601)));
  }

  private static Map<String, AttributeValue> item(String runId) {
    return aws.dynamo().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
        "PK", AttributeValue.fromS("RUN#" + runId), "SK", AttributeValue.fromS("META")))).item();
  }
}
