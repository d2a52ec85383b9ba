package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoDbCapacityTest {

  /** An item of exactly {@code bytes} bytes: "pk" (2) + a string of bytes - 2. */
  private static Map<String, AttributeValue> item(int bytes) {
    return Map.of("pk", AttributeValue.fromS("x".repeat(bytes - 2)));
  }

  @Test
  void size_countsNamesAndValues_byDynamoDbRules() {
    assertEquals(1024, DynamoDbCapacity.size(item(1024)));
    // "n" + 5 digits -> 3 + 1; "b" + bool 1; "l" + 3 + (1 + 1 ("a")) ; "m" + 3 + (1 + "k" + "v")
    assertEquals(1 + 4 + 1 + 1 + 1 + 5 + 1 + 6, DynamoDbCapacity.size(Map.of(
        "n", AttributeValue.fromN("12345"),
        "b", AttributeValue.fromBool(true),
        "l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))),
        "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))))));
  }

  @Test
  void putItem_isOneWriteUnitPerStartedKilobyte() {
    assertEquals(1, write(PutItemRequest.builder().item(item(1024)).build()));
    assertEquals(2, write(PutItemRequest.builder().item(item(1025)).build()));
  }

  @Test
  void transactionalWrites_costTwice_andBatchWrites_perItem() {
    var put = TransactWriteItem.builder().put(p -> p.item(item(100))).build();
    var check = TransactWriteItem.builder().conditionCheck(c -> c.key(item(10))).build();
    assertEquals(4, write(TransactWriteItemsRequest.builder().transactItems(put, check).build()));
    var batch = BatchWriteItemRequest.builder().requestItems(Map.of("t", List.of(
        WriteRequest.builder().putRequest(p -> p.item(item(2000))).build(),
        WriteRequest.builder().putRequest(p -> p.item(item(10))).build()))).build();
    assertEquals(3, write(batch));
  }

  @Test
  void anItemInAnIndex_isWrittenThereToo() {
    // GIVEN an item of 1,500 bytes carrying the partition keys of two of the table's indexes
    var item = new java.util.HashMap<>(item(1500 - 2 * (6 + 1)));
    item.put("GSI1PK", AttributeValue.fromS("a"));
    item.put("GSI3PK", AttributeValue.fromS("b"));
    item.put("GSI1SK", AttributeValue.fromS("c"));
    // WHEN THEN 2 KB in the table and in each index
    assertEquals(1500 + 7, DynamoDbCapacity.size(item));
    assertEquals(6, write(PutItemRequest.builder().item(item).build()));
    var transact = TransactWriteItem.builder().put(p -> p.item(item)).build();
    assertEquals(8, write(TransactWriteItemsRequest.builder().transactItems(transact).build()));
  }

  @Test
  void failedConditionalWrite_isStillBilled() {
    var units = DynamoDbCapacity.of(PutItemRequest.builder().item(item(10)).build(), null);
    assertEquals(1, units.write());
  }

  @Test
  void getItem_isHalfAUnitEventuallyConsistent_evenForAMissingItem() {
    var eventual = GetItemRequest.builder().key(item(10)).build();
    var strong = GetItemRequest.builder().key(item(10)).consistentRead(true).build();
    assertEquals(0.5, DynamoDbCapacity.of(eventual, GetItemResponse.builder().build()).read());
    assertEquals(2, DynamoDbCapacity.of(strong,
        GetItemResponse.builder().item(item(4097)).build()).read());
  }

  @Test
  void batchGet_billsEveryItem_andMissingKeysAtTheMinimum() {
    var request = BatchGetItemRequest.builder().requestItems(Map.of("t", KeysAndAttributes
        .builder().keys(item(10), item(11), item(12)).build())).build();
    var response = BatchGetItemResponse.builder()
        .responses(Map.of("t", List.of(item(5000), item(100)))).build();
    // 2 units + 1 unit + 1 missing key, each halved (eventually consistent)
    assertEquals(2, DynamoDbCapacity.of(request, response).read());
  }

  @Test
  void query_roundsTheSummedSizeOfItsItems() {
    var response = QueryResponse.builder().items(item(3000), item(3000)).build();
    assertEquals(1, DynamoDbCapacity.of(QueryRequest.builder().build(), response).read());
    assertEquals(2, DynamoDbCapacity.of(QueryRequest.builder().consistentRead(true).build(),
        response).read());
  }

  private static double write(software.amazon.awssdk.core.SdkRequest request) {
    return DynamoDbCapacity.of(request, null).write();
  }
}
