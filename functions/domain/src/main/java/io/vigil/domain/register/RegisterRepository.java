package io.vigil.domain.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: where the ISMS registers are kept — records with their history, the approved versions of
 * the Statement of Applicability, and daily notice markers.
 */
public interface RegisterRepository {

  Optional<RegisterRecord> find(RegisterKind kind, String id);

  /** Every record of a register, by id. */
  List<RegisterRecord> list(RegisterKind kind);

  /**
   * Stores a new record (version 1) with its first history entry.
   *
   * @throws IllegalStateException if a record with this id exists
   */
  void create(RegisterRecord record, RegisterEvent event);

  /**
   * Stores a changed record: {@code changed.version()} is the version it is based on; the stored
   * record gets {@code version + 1} (returned), with {@code event} appended to its history.
   *
   * @throws io.vigil.domain.finding.NotFoundException if there is no such record
   * @throws io.vigil.domain.finding.FindingRepository.ConcurrentModificationException if the
   *     stored version differs
   */
  RegisterRecord update(RegisterRecord changed, RegisterEvent event);

  /** The history of a record, oldest first. */
  List<RegisterEvent> history(RegisterKind kind, String id);

  /** An approved SoA version; empty if there is none with this number. */
  Optional<SoaVersion> soaVersion(int number);

  /** The latest approved SoA version. */
  Optional<SoaVersion> latestSoaVersion();

  /**
   * Stores an approved SoA version; versions are never changed.
   *
   * @throws IllegalStateException if this version number exists (a concurrent approval)
   */
  void saveSoaVersion(SoaVersion version);

  /**
   * Marks that notice {@code key} went out on {@code day}; false if it already had (so a re-run
   * of a daily sweep publishes nothing twice).
   */
  boolean markNotified(String key, LocalDate day);

  /** Releases a notice mark (the notice could not be sent after all). */
  void clearNotified(String key, LocalDate day);
}
