package io.vigil.checks.dynamodb;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The DynamoDB tables of one account in one region.
 *
 * @param tables every table ListTables returned
 */
public record DynamoDbSnapshot(List<Table> tables) {

  public DynamoDbSnapshot {
    tables = List.copyOf(tables);
  }

  /**
   * One table.
   *
   * @param arn the table ARN (built from the name when DescribeTable failed)
   * @param description what DescribeTable said about the table
   * @param pointInTimeRecovery DescribeContinuousBackups: whether point-in-time recovery is on
   * @param kmsKeyManager DescribeKey's KeyManager ({@code CUSTOMER} or {@code AWS}) of the table's
   *     KMS key; absent when the table is not encrypted with a KMS key
   */
  public record Table(
      String name,
      String arn,
      Lookup<Description> description,
      Lookup<Boolean> pointInTimeRecovery,
      Lookup<String> kmsKeyManager) {

    public Table {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(pointInTimeRecovery, "pointInTimeRecovery");
      Objects.requireNonNull(kmsKeyManager, "kmsKeyManager");
    }
  }

  /**
   * The DescribeTable facts the checks judge.
   *
   * @param arn the table ARN
   * @param status e.g. {@code ACTIVE}
   * @param deletionProtection DeletionProtectionEnabled
   * @param sseType {@code KMS} when encrypted with a KMS key (AWS managed or customer managed), or
   *     null when encrypted with an AWS owned key (SSEDescription absent)
   * @param kmsKeyArn the KMS key ARN, or null
   */
  public record Description(
      String arn,
      String status, boolean deletionProtection, String sseType, String kmsKeyArn) {

    public static final String KMS = "KMS";

    public Description {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(status, "status");
    }

    /** The table is encrypted with a KMS key of the account (AWS managed or customer managed). */
    public boolean kmsEncrypted() {
      return KMS.equals(sseType) && kmsKeyArn != null;
    }
  }
}
