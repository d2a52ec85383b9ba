package io.vigil.domain.finding;

import java.util.List;
import java.util.Optional;

/** Port: persistence of findings. */
public interface FindingRepository {

  /**
   * Stores a new automated finding unless one is already open for its subject (account, check,
   * resource). Atomic: two concurrent calls for the same subject open exactly one finding.
   *
   * @return true if this call opened the finding, false if one was already open
   */
  boolean openIfNoneOpen(Finding finding);

  /** Stores a new finding (any source); fails if the id exists. */
  void create(Finding finding);

  Optional<Finding> findById(FindingId id);

  /** The open automated finding for the subject, if any. */
  Optional<Finding> findOpenBySubject(String subjectKey);

  /** All open findings, ordered by due date (no due date last). */
  List<Finding> findOpen();

  /**
   * Saves an edited finding if nobody else changed it since it was read (optimistic locking): the
   * stored version must equal {@code finding.version()}; the stored copy gets version + 1.
   *
   * @throws ConcurrentModificationException if the stored version differs
   */
  Finding update(Finding finding);

  /** Thrown when an edit is based on an outdated version of a record. */
  final class ConcurrentModificationException extends RuntimeException {
    public ConcurrentModificationException(String message) {
      super(message);
    }
  }
}
