package io.vigil.domain.check;

import java.util.List;

/**
 * One evidence check of the catalogue. It evaluates a service snapshot (loaded once per account and
 * region by a {@link SnapshotLoader}) and never calls AWS itself, so it is tested with plain data.
 *
 * @param <S> the snapshot type the check evaluates
 */
public interface EvidenceCheck<S> {

  CheckMetadata metadata();

  Class<S> snapshotType();

  /**
   * Judges every resource of the snapshot. A snapshot with no resource of the checked kind yields an
   * empty list (or a NOT_APPLICABLE observation where the absence itself is worth recording).
   */
  List<Observation> evaluate(S snapshot, ScanTarget target);
}
