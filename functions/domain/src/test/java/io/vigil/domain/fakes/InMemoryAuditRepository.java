package io.vigil.domain.fakes;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** In-memory {@link AuditRepository} for unit tests, with the same rules as the real store. */
public class InMemoryAuditRepository implements AuditRepository {

  private static final Comparator<AuditRecord> BY_DAY =
      Comparator.comparing(AuditRecord::day).thenComparing(AuditRecord::id);

  private final TreeMap<String, AuditRecord> records = new TreeMap<>();
  private int writes;

  /** Number of records written (put, updated or deleted) so far. */
  public synchronized int writes() {
    return writes;
  }

  @Override
  public synchronized PlanChanges savePlan(AuditPlan plan) {
    var added = new ArrayList<String>();
    var changed = new ArrayList<String>();
    var removed = new ArrayList<String>();
    var ids = new java.util.HashSet<String>();
    for (var audit : plan.audits()) {
      ids.add(audit.id());
      var before = records.get(audit.id());
      if (before == null) {
        records.put(audit.id(), AuditRecord.planned(audit, 1));
        writes++;
        added.add(audit.id());
      } else if (before.status() == AuditStatus.PLANNED && !before.plan().equals(audit)) {
        records.put(audit.id(), AuditRecord.planned(audit, before.version() + 1));
        writes++;
        var old = before.plan();
        if (!old.date().equals(audit.date()) || !old.auditor().equals(audit.auditor())
            || !old.items().equals(audit.items())) {
          changed.add(audit.id());
        }
      }
    }
    for (var r : List.copyOf(records.values())) {
      if (r.status() == AuditStatus.PLANNED && !ids.contains(r.id())
          && !r.plan().date().isBefore(plan.from())) {
        records.remove(r.id());
        writes++;
        removed.add(r.id());
      }
    }
    added.sort(null);
    changed.sort(null);
    removed.sort(null);
    return new PlanChanges(added, changed, removed);
  }

  @Override
  public synchronized List<AuditPlan.PlannedAudit> planned() {
    return records.values().stream().filter(r -> r.status() == AuditStatus.PLANNED)
        .sorted(BY_DAY).map(AuditRecord::plan).toList();
  }

  @Override
  public synchronized List<AuditPlan.PlannedAudit> due(LocalDate from, LocalDate to) {
    return planned().stream().filter(p -> !p.date().isBefore(from) && !p.date().isAfter(to))
        .toList();
  }

  @Override
  public synchronized Optional<AuditPlan.PlannedAudit> find(String id) {
    return Optional.ofNullable(records.get(id)).filter(r -> r.status() == AuditStatus.PLANNED)
        .map(AuditRecord::plan);
  }

  @Override
  public synchronized Optional<AuditRecord> record(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public synchronized AuditRecord update(AuditRecord changed) {
    var stored = records.get(changed.id());
    if (stored == null) {
      throw new NotFoundException("no audit " + changed.id());
    }
    if (stored.version() != changed.version()) {
      throw new ConcurrentModificationException("audit " + changed.id() + " is at version "
          + stored.version() + ", not " + changed.version());
    }
    var next = new AuditRecord(changed.plan(), changed.status(), changed.startedAt(),
        changed.startedBy(), changed.conclusions(), changed.completedAt(), changed.completedBy(),
        changed.summary(), changed.reportSha256(), changed.cancelledAt(), changed.cancelledBy(),
        changed.cancelReason(), changed.version() + 1);
    records.put(next.id(), next);
    writes++;
    return next;
  }

  @Override
  public synchronized List<AuditRecord> records(LocalDate from, LocalDate to,
      Set<AuditStatus> statuses) {
    return records.values().stream().filter(r -> statuses.contains(r.status()))
        .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).sorted(BY_DAY).toList();
  }
}
