package io.vigil.adapters.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The one Vigil table: its name, its key attribute and index names (see
 * {@code docs/data-model.md}) and its creation for {@code vigil init}, the demo and the tests. In
 * AWS the infrastructure creates the table; {@link #createIfAbsent} makes the same shape.
 */
public final class VigilTable {

  /** Default table name (setting {@code vigil.table-name}). */
  public static final String DEFAULT_NAME = "vigil";

  public static final String PK = "PK";
  public static final String SK = "SK";
  public static final String GSI1 = "GSI1";
  public static final String GSI1_PK = "GSI1PK";
  public static final String GSI1_SK = "GSI1SK";
  public static final String GSI2 = "GSI2";
  public static final String GSI2_PK = "GSI2PK";
  public static final String GSI2_SK = "GSI2SK";
  public static final String GSI3 = "GSI3";
  public static final String GSI3_PK = "GSI3PK";
  public static final String GSI3_SK = "GSI3SK";
  /**
   * Number attribute (epoch seconds) after which DynamoDB's TTL may delete an item; only on
   * short-lived markers (overdue notices). TTL must be enabled on this attribute.
   */
  public static final String EXPIRES_AT = "expiresAt";
  public static final String TYPE = "type";
  public static final String VERSION = "version";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private final String name;

  public VigilTable(String name) {
    Objects.requireNonNull(name, "table name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a DynamoDB table name: use 3 to"
          + " 255 letters, digits, '_', '-' or '.'");
    }
    this.name = name;
  }

  public String name() {
    return name;
  }

  /**
   * Creates the table (PK/SK, GSI1, GSI2 and GSI3 with projection ALL, on-demand, TTL on
   * {@value #EXPIRES_AT}) unless it exists, and waits until it is ACTIVE. Idempotent; safe to call
   * concurrently.
   *
   * @return true if this call created the table
   * @throws IllegalStateException if a table of this name exists without Vigil's keys or indexes
   */
  public boolean createIfAbsent(DynamoDbClient dynamo) {
    boolean created;
    try {
      dynamo.createTable(r -> r.tableName(name)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Stream.of(PK, SK, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, GSI3_PK,
                  GSI3_SK)
              .map(a -> AttributeDefinition.builder()
                  .attributeName(a).attributeType(ScalarAttributeType.S).build())
              .toList())
          .keySchema(keys(PK, SK))
          .globalSecondaryIndexes(index(GSI1, GSI1_PK, GSI1_SK), index(GSI2, GSI2_PK, GSI2_SK),
              index(GSI3, GSI3_PK, GSI3_SK)));
      created = true;
    } catch (ResourceInUseException alreadyExists) {
      created = false;
    }
    TableDescription table;
    try (var waiter = DynamoDbWaiter.builder()
        .client(dynamo)
        .overrideConfiguration(WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL))
            .waitTimeout(MAX_WAIT)
            .maxAttempts((int) (MAX_WAIT.toSeconds() / POLL.toSeconds()))
            .build())
        .build()) {
      table = waiter.waitUntilTableExists(r -> r.tableName(name)).matched().response()
          .orElseThrow(() -> new IllegalStateException("table " + name + " did not become ACTIVE"))
          .table();
    }
    verifyShape(table);
    if (created) {
      enableTimeToLive(dynamo);
    }
    return created;
  }

  private void verifyShape(TableDescription table) {
    if (!table.keySchema().equals(keys(PK, SK))) {
      throw new IllegalStateException("table " + name + " exists but its key is "
          + table.keySchema() + ", not PK/SK: it was not created by Vigil; choose another name");
    }
    var indexes = table.globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexName).toList();
    for (var required : List.of(GSI1, GSI2, GSI3)) {
      if (!indexes.contains(required)) {
        throw new IllegalStateException("table " + name + " exists but lacks index " + required
            + ": it was not created by Vigil, or by an older version; choose another name");
      }
    }
  }

  /**
   * Lets DynamoDB delete expired markers (attribute {@value #EXPIRES_AT}). Best effort: an emulator
   * without TTL support keeps them, which changes nothing but the table's size.
   */
  private void enableTimeToLive(DynamoDbClient dynamo) {
    try {
      dynamo.updateTimeToLive(r -> r.tableName(name)
          .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
    } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
      // not supported here (some emulators): markers then stay until deleted by hand
    }
  }

  private static List<KeySchemaElement> keys(String partition, String sort) {
    return List.of(
        KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build());
  }

  private static GlobalSecondaryIndex index(String index, String partition, String sort) {
    return GlobalSecondaryIndex.builder()
        .indexName(index)
        .keySchema(keys(partition, sort))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }

  @Override
  public String toString() {
    return name;
  }
}
