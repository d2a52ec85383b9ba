package io.vigil.adapters.dynamodb.internal;

import io.vigil.adapters.dynamodb.VigilTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Condition expressions the repositories write with. */
public final class Conditions {

  private static final Expression ABSENT = Expression.builder()
      .expression("attribute_not_exists(#pk)")
      .putExpressionName("#pk", VigilTable.PK)
      .build();

  private Conditions() {}

  /** The item does not exist yet. */
  public static Expression absent() {
    return ABSENT;
  }

  /** The item exists and its {@code version} is {@code expected}. */
  public static Expression versionIs(long expected) {
    return Expression.builder()
        .expression("attribute_exists(#pk) AND #version = :expected")
        .putExpressionName("#pk", VigilTable.PK)
        .putExpressionName("#version", VigilTable.VERSION)
        .putExpressionValue(":expected", AttributeValue.fromN(Long.toString(expected)))
        .build();
  }

  /** The string attribute {@code name} equals {@code value}. */
  public static Expression attributeIs(String name, String value) {
    return Expression.builder()
        .expression("#a = :v")
        .putExpressionName("#a", name)
        .putExpressionValue(":v", AttributeValue.fromS(value))
        .build();
  }

  /** The item does not exist, or its string attribute {@code name} equals {@code value}. */
  public static Expression absentOr(String name, String value) {
    return Expression.builder()
        .expression("attribute_not_exists(#pk) OR #a = :v")
        .putExpressionName("#pk", VigilTable.PK)
        .putExpressionName("#a", name)
        .putExpressionValue(":v", AttributeValue.fromS(value))
        .build();
  }

  /**
   * The item does not exist, or its string attribute {@code name} sorts at or before
   * {@code value} (for fixed-width times: is not newer).
   */
  public static Expression absentOrAtMost(String name, String value) {
    return Expression.builder()
        .expression("attribute_not_exists(#pk) OR #a <= :v")
        .putExpressionName("#pk", VigilTable.PK)
        .putExpressionName("#a", name)
        .putExpressionValue(":v", AttributeValue.fromS(value))
        .build();
  }
}
