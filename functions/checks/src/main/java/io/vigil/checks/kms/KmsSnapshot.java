package io.vigil.checks.kms;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The KMS keys of one account in one region.
 *
 * @param keys every key ListKeys returned, AWS managed ones included
 */
public record KmsSnapshot(List<Key> keys) {

  public KmsSnapshot {
    keys = List.copyOf(keys);
  }

  /**
   * One key.
   *
   * @param description what DescribeKey said about the key
   * @param rotationEnabled GetKeyRotationStatus; absent when not read because automatic rotation
   *     does not apply ({@link Description#rotationApplies()} is false)
   */
  public record Key(
      String id, String arn, Lookup<Description> description, Lookup<Boolean> rotationEnabled) {

    public Key {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(rotationEnabled, "rotationEnabled");
    }
  }

  /**
   * The DescribeKey facts that decide whether automatic rotation applies.
   *
   * @param manager {@code CUSTOMER} or {@code AWS}
   * @param state e.g. {@code Enabled}, {@code Disabled}, {@code PendingDeletion}
   * @param spec e.g. {@code SYMMETRIC_DEFAULT}, {@code RSA_2048}
   * @param origin {@code AWS_KMS}, {@code EXTERNAL} (imported material), {@code AWS_CLOUDHSM},
   *     {@code EXTERNAL_KEY_STORE}
   */
  public record Description(String manager, String state, String spec, String origin) {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String ENABLED = "Enabled";
    public static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    public static final String AWS_KMS = "AWS_KMS";

    public Description {
      Objects.requireNonNull(manager, "manager");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(origin, "origin");
    }

    public boolean customerManaged() {
      return CUSTOMER.equals(manager);
    }

    /**
     * KMS can rotate the key automatically: an enabled, customer managed, symmetric key whose
     * material KMS generated itself (imported material and custom key stores cannot rotate).
     */
    public boolean rotationApplies() {
      return customerManaged() && ENABLED.equals(state) && SYMMETRIC_DEFAULT.equals(spec)
          && AWS_KMS.equals(origin);
    }
  }
}
