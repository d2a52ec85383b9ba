package io.vigil.domain.audit;

import java.util.List;

/**
 * The reminders of the planned audits: for each audit, one-time notices 14 days and 1 day before
 * ({@code Audit Reminder}) and on its date ({@code Audit Due}). {@link #sync} takes the desired
 * state: it creates what is missing, updates what changed and deletes the reminders of audits no
 * longer planned (no orphans); syncing the same audits again writes nothing. Reminders whose time
 * has passed are not created.
 */
public interface AuditReminders {

  /** What a sync did (reminder names, sorted). */
  record SyncResult(List<String> created, List<String> updated, List<String> deleted) {
    public SyncResult {
      created = List.copyOf(created);
      updated = List.copyOf(updated);
      deleted = List.copyOf(deleted);
    }

    public boolean isEmpty() {
      return created.isEmpty() && updated.isEmpty() && deleted.isEmpty();
    }
  }

  /** Makes the reminders match {@code planned} (every planned audit, nothing else). */
  SyncResult sync(List<AuditPlan.PlannedAudit> planned);
}
