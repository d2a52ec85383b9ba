package io.vigil.checks.kms;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import java.time.Instant;
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
   * @param policy the key policy (GetKeyPolicy, policy name default); absent when not read
   *     because the key is not customer managed, failed when unreadable or not a valid policy
   */
  public record Key(
      String id,
      String arn,
      Lookup<Description> description,
      Lookup<Boolean> rotationEnabled,
      Lookup<PolicyDocument> policy) {

    public Key {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(rotationEnabled, "rotationEnabled");
      Objects.requireNonNull(policy, "policy");
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
   * @param deletionDate when a key pending deletion will be deleted; null otherwise
   */
  public record Description(
      String manager, String state, String spec, String origin, Instant deletionDate) {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String ENABLED = "Enabled";
    public static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    public static final String AWS_KMS = "AWS_KMS";
    public static final String PENDING_DELETION = "PendingDeletion";
    public static final String PENDING_REPLICA_DELETION = "PendingReplicaDeletion";

    public Description {
      Objects.requireNonNull(manager, "manager");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(origin, "origin");
    }

    /** A key that is not scheduled for deletion. */
    public Description(String manager, String state, String spec, String origin) {
      this(manager, state, spec, origin, null);
    }

    /** The key is scheduled for deletion (or its replica is). */
    public boolean pendingDeletion() {
      return PENDING_DELETION.equals(state) || PENDING_REPLICA_DELETION.equals(state);
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
