package io.vigil.domain.audit;

import io.vigil.domain.finding.FindingId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an audit's conclusions (maps, lists, strings and longs for
 * {@link io.vigil.domain.evidence.CanonicalJson}): what the audit store keeps and what the stored
 * report carries. Absent values are left out.
 */
public final class ConclusionsJson {

  private ConclusionsJson() {}

  /** The conclusions, in the order given. */
  public static List<Map<String, Object>> write(Collection<ItemConclusion> conclusions) {
    var list = new ArrayList<Map<String, Object>>();
    for (var c : conclusions) {
      var m = new LinkedHashMap<String, Object>();
      m.put("item", c.item());
      m.put("conclusion", c.conclusion().name());
      m.put("notes", c.notes());
      m.put("evidence", c.evidence());
      put(m, "findingId", c.findingId() == null ? null : c.findingId().value());
      m.put("recordedBy", c.recordedBy());
      m.put("recordedAt", c.recordedAt().toString());
      var automated = new ArrayList<Map<String, Object>>();
      for (var e : c.automated()) {
        var a = new LinkedHashMap<String, Object>();
        a.put("checkId", e.checkId());
        a.put("title", e.title());
        a.put("passed", (long) e.passed());
        a.put("failed", (long) e.failed());
        a.put("errors", (long) e.errors());
        a.put("notApplicable", (long) e.notApplicable());
        put(a, "latestObservedAt", text(e.latestObservedAt()));
        var failing = new ArrayList<Map<String, Object>>();
        for (var f : e.failingListed()) {
          var fm = new LinkedHashMap<String, Object>();
          put(fm, "accountId", f.accountId());
          put(fm, "resourceArn", f.resourceArn());
          put(fm, "observedAt", text(f.observedAt()));
          put(fm, "evidenceSha256", f.evidenceSha256());
          put(fm, "reason", f.reason());
          failing.add(fm);
        }
        a.put("failing", failing);
        automated.add(a);
      }
      m.put("automated", automated);
      list.add(m);
    }
    return list;
  }

  /**
   * Reads what {@link #write} wrote (as parsed by {@link io.vigil.domain.evidence.JsonReader}),
   * keyed by item.
   *
   * @throws IllegalArgumentException if it is not in that form
   */
  public static Map<String, ItemConclusion> read(Object json) {
    var result = new LinkedHashMap<String, ItemConclusion>();
    try {
      for (var o : list(json)) {
        var m = map(o);
        var automated = new ArrayList<CheckEvidence>();
        for (var ao : list(m.getOrDefault("automated", List.of()))) {
          var a = map(ao);
          var failing = new ArrayList<CheckEvidence.FailingResource>();
          for (var fo : list(a.getOrDefault("failing", List.of()))) {
            var f = map(fo);
            failing.add(new CheckEvidence.FailingResource((String) f.get("accountId"),
                (String) f.get("resourceArn"), instant(f.get("observedAt")),
                (String) f.get("evidenceSha256"), (String) f.get("reason")));
          }
          automated.add(new CheckEvidence((String) a.get("checkId"), (String) a.get("title"),
              number(a.get("passed")), number(a.get("failed")), number(a.get("errors")),
              number(a.get("notApplicable")), instant(a.get("latestObservedAt")), failing));
        }
        var findingId = (String) m.get("findingId");
        var c = new ItemConclusion((String) m.get("item"),
            Conclusion.valueOf((String) m.get("conclusion")), (String) m.get("notes"),
            list(m.getOrDefault("evidence", List.of())).stream().map(String::valueOf).toList(),
            automated, findingId == null ? null : FindingId.of(findingId),
            (String) m.get("recordedBy"), instant(m.get("recordedAt")));
        result.put(c.item(), c);
      }
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("malformed audit conclusions: " + e.getMessage(), e);
    }
    return result;
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(Object o) {
    return o == null ? null : Instant.parse((String) o);
  }

  private static int number(Object o) {
    return o == null ? 0 : ((Number) o).intValue();
  }

  private static List<?> list(Object o) {
    return (List<?>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
