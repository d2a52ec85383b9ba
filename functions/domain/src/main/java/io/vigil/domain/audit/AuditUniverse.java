package io.vigil.domain.audit;

import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.IsmsClauses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the internal audit programme must cover (clause 9.2): every ISMS clause 4.1–10.2 and every
 * Annex A control that is applicable (all, unless the Statement of Applicability excludes it).
 */
public final class AuditUniverse {

  private AuditUniverse() {}

  /** The universe without the controls in {@code notApplicable} (external ids, "A.8.1"). */
  public static List<AuditItem> of(Set<String> notApplicable) {
    var items = new ArrayList<AuditItem>();
    for (var c : IsmsClauses.all()) {
      items.add(new AuditItem(c.id().toString(), AuditItem.Kind.CLAUSE,
          Integer.toString(c.id().clause()), c.title()));
    }
    for (var c : AnnexACatalogue.standard().all()) {
      if (!notApplicable.contains(c.id().toString())) {
        items.add(new AuditItem(c.id().toString(), AuditItem.Kind.CONTROL, c.theme().label(),
            c.title()));
      }
    }
    return items;
  }
}
