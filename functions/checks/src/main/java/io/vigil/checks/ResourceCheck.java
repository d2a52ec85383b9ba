package io.vigil.checks;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Base of a check that judges each resource of one kind in a snapshot (every bucket, every security
 * group...). A subclass declares its metadata, how to list the resources, and {@link #judge}; the
 * boilerplate of {@link EvidenceCheck} lives here once.
 *
 * <pre>{@code
 * @Singleton
 * public final class S3BucketVersioningEnabledCheck extends ResourceCheck<S3Snapshot, Bucket> {
 *   public S3BucketVersioningEnabledCheck() {
 *     super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
 *   }
 *   protected Observation judge(Bucket bucket, ScanTarget target) { ... }
 * }
 * }</pre>
 *
 * @param <S> the snapshot type
 * @param <R> the resource type within the snapshot
 */
public abstract class ResourceCheck<S, R> implements EvidenceCheck<S> {

  private final CheckMetadata metadata;
  private final Class<S> snapshotType;
  private final Function<S, ? extends Collection<R>> resources;

  protected ResourceCheck(
      CheckMetadata metadata, Class<S> snapshotType, Function<S, ? extends Collection<R>> resources) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.snapshotType = Objects.requireNonNull(snapshotType, "snapshotType");
    this.resources = Objects.requireNonNull(resources, "resources");
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
    var out = new ArrayList<Observation>();
    for (var resource : resources.apply(snapshot)) {
      var observation = judge(resource, target);
      if (observation != null) {
        out.add(observation);
      }
    }
    return out;
  }

  /**
   * The verdict on one resource, or null when the check does not concern it at all (e.g. an
   * AWS-managed KMS key). Prefer a NOT_APPLICABLE observation where the customer would expect to see
   * the resource listed.
   */
  protected abstract Observation judge(R resource, ScanTarget target);
}
