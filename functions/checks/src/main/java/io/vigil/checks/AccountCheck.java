package io.vigil.checks;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import java.util.Objects;

/**
 * Base of a check with one subject per account or region (the root user, the password policy, EBS
 * encryption by default in a region...): a subclass declares its metadata and {@link #judge}.
 *
 * @param <S> the snapshot type
 */
public abstract class AccountCheck<S> implements EvidenceCheck<S> {

  private final CheckMetadata metadata;
  private final Class<S> snapshotType;

  protected AccountCheck(CheckMetadata metadata, Class<S> snapshotType) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.snapshotType = Objects.requireNonNull(snapshotType, "snapshotType");
  }

  @Override
  public final CheckMetadata metadata() {
    return metadata;
  }

  @Override
  public final Class<S> snapshotType() {
    return snapshotType;
  }

  @Override
  public final List<Observation> evaluate(S snapshot, ScanTarget target) {
    return List.of(judge(snapshot, target));
  }

  /** The verdict on the account's (or region's) single subject. */
  protected abstract Observation judge(S snapshot, ScanTarget target);
}
