package io.vigil.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.emulator.junit.SdkCallRecorder.Call;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** {@link SdkCallRecorder} on a DynamoDB client over a stub HTTP client. */
class SdkCallRecorderTest {

  private static final Map<String, AttributeValue> KEY = Map.of(
      "PK", AttributeValue.fromS("K"), "SK", AttributeValue.fromS("K"));

  private DynamoDbClient dynamo;

  @BeforeEach
  void client() {
    dynamo = StubDynamoDb.client(new SdkCallRecorder(), operation -> { });
  }

  @AfterEach
  void close() {
    SdkCallRecorder.stop();
    dynamo.close();
  }

  @Test
  void recordsWhatIsSentBetweenStartAndStop_only() {
    dynamo.getItem(r -> r.tableName("before").key(KEY));
    SdkCallRecorder.start();
    dynamo.getItem(r -> r.tableName("t1").key(KEY));
    dynamo.putItem(r -> r.tableName("t2").item(KEY));
    var calls = SdkCallRecorder.stop();
    dynamo.getItem(r -> r.tableName("after").key(KEY));

    assertEquals(List.of(new Call("DynamoDb", "GetItem", "t1"),
        new Call("DynamoDb", "PutItem", "t2")), calls);
    assertEquals("t2", calls.get(1).table());
    assertTrue(calls.get(1).request() instanceof PutItemRequest put && put.item().equals(KEY),
        "the request as sent: " + calls.get(1).request());
    assertEquals("DynamoDb GetItem t1\nDynamoDb PutItem t2", SdkCallRecorder.describe(calls));
    assertEquals(List.of(), SdkCallRecorder.stop(), "nothing after stop()");
  }

  @Test
  void record_answersTheCallsOfItsAction_andStopsEvenWhenTheActionThrows() {
    var calls = SdkCallRecorder.record(() -> dynamo.getItem(r -> r.tableName("t").key(KEY)));
    assertEquals(List.of(new Call("DynamoDb", "GetItem", "t")), calls);

    assertThrows(IllegalStateException.class, () -> SdkCallRecorder.record(() -> {
      dynamo.getItem(r -> r.tableName("t").key(KEY));
      throw new IllegalStateException("the action failed");
    }));
    dynamo.getItem(r -> r.tableName("after").key(KEY));
    assertEquals(List.of(), SdkCallRecorder.stop(), "recording stopped with the action");
  }

  @Test
  void callsAreEqualByServiceOperationAndResource_notByRequest() {
    var recorded = SdkCallRecorder.record(() -> dynamo.getItem(r -> r.tableName("t").key(KEY)))
        .get(0);
    var expected = new Call("DynamoDb", "GetItem", "t");

    assertEquals(expected, recorded);
    assertEquals(expected.hashCode(), recorded.hashCode());
    assertNotEquals(new Call("DynamoDb", "GetItem", "other"), recorded);
    assertNotEquals(new Call("DynamoDb", "Query", "t"), recorded);
    assertNull(expected.request(), "an expected call has no request");
    assertEquals("(no call)", SdkCallRecorder.describe(List.of()));
  }
}
