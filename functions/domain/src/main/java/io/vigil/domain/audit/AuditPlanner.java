package io.vigil.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans the internal audit programme of one cycle (clause 9.2.2). The plan is a pure,
 * deterministic function of the configuration, the universe, the risk inputs and {@code from}:
 * the same inputs give the same plan, ids included, so re-planning is idempotent; a new major
 * nonconformity shortens the item's interval and so pulls its next audit forward; the items of a
 * cancelled audit are simply planned again by the next run.
 *
 * <h2>Interval</h2>
 *
 * <p>With {@code C = cycleMonths}, the weights {@code f, n, m, r} of
 * {@link ProgrammeConfig.RiskWeights} (negative or NaN weights count as 0) and the counts capped
 * at {@value #COUNT_CAP}:
 *
 * <pre>
 *   score    = f·min(failingChecks, 5) + n·min(openNonconformities, 5)
 *            + m·min(openMajorNonconformities, 5) + r·riskLevel
 *   interval = min(C, max(max(1, minimumIntervalMonths), floor(C / (1 + score))))
 * </pre>
 *
 * <p>Every term is non-negative and non-decreasing in its input, so more risk never yields a
 * longer interval, all else equal. With the default weights and a 12-month cycle: no risk → 12,
 * one failing check → 8, one open major nonconformity (counted as open too) → 4, risk level 3 →
 * 4, open minor nonconformity and risk level 1 → 6.
 *
 * <h2>Due months</h2>
 *
 * <p>Month {@code k} of the cycle is {@code [from + k months, from + k+1 months)}. An item is due
 * at months {@code o, o + interval, o + 2·interval, …} below {@code C}, where the offset
 * {@code o = floor(h · interval)} and {@code h ∈ [0, 1)} is a stable hash of the item id: the
 * workload spreads evenly over the cycle, every item is due at least once, and a shorter interval
 * never gives a later first due month. An occurrence may slip to the following months up to its
 * next due month (or the end of the cycle) when no auditor can take it in its due month.
 *
 * <h2>Audits and auditors</h2>
 *
 * <p>The items pending in a month are sorted by group (clause number or Annex A theme, in universe
 * order), then owner, then universe order, and cut into audits of at most {@code auditSize} items
 * of one group. Each audit goes to a working day of the month (spread over the month) and to the
 * eligible auditor with the fewest audits so far, then the smallest id. Eligible: not the owner of
 * any item in the audit (owner id equal to the auditor's id or email), not an implementer of an
 * open corrective action on any of them, available that day and below {@code maxAuditsPerMonth} in
 * that calendar month. An audit no auditor can take is split so that conflicting items go to other
 * auditors; an item no eligible auditor can take within its window is reported as unassigned with
 * the cause. An ineligible auditor is never assigned.
 */
public final class AuditPlanner {

  /** Highest count of failing checks or nonconformities that still shortens the interval. */
  static final int COUNT_CAP = 5;

  static final String CRITERIA_SUFFIX = " of ISO/IEC 27001:2022 and the organisation's policies"
      + " and procedures for them";

  private final ProgrammeConfig config;

  /**
   * A planner for {@code config}.
   *
   * @throws IllegalArgumentException naming the field when the configuration cannot be planned
   */
  public AuditPlanner(ProgrammeConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    if (config.cycleMonths() < 1) {
      throw new IllegalArgumentException("cycleMonths must be at least 1, was "
          + config.cycleMonths());
    }
    if (config.auditSize() < 1) {
      throw new IllegalArgumentException("auditSize must be at least 1, was "
          + config.auditSize());
    }
    var ids = new HashSet<String>();
    for (var a : config.auditors()) {
      if (a == null || a.id() == null || a.id().isBlank()) {
        throw new IllegalArgumentException("auditors: every auditor needs an id");
      }
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("auditors: duplicate id " + a.id());
      }
      if (a.maxAuditsPerMonth() < 0) {
        throw new IllegalArgumentException("auditors: maxAuditsPerMonth of " + a.id()
            + " must not be negative");
      }
    }
  }

  public ProgrammeConfig config() {
    return config;
  }

  /** The plan for {@code universe} with the risk inputs per item id (missing: no risk). */
  public AuditPlan plan(List<AuditItem> universe, Map<String, ItemRisk> risks, LocalDate from) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(from, "from");
    return new Run(universe, risks == null ? Map.of() : risks, from).plan();
  }

  /** The audit interval in months of an item with {@code risk} (see the class documentation). */
  int intervalMonths(ItemRisk risk) {
    var w = config.weights();
    double score = term(w.failingEvidence(), risk == null ? 0 : risk.failingChecks())
        + term(w.openNonconformity(), risk == null ? 0 : risk.openNonconformities())
        + term(w.majorNonconformity(), risk == null ? 0 : risk.openMajorNonconformities())
        + term(w.riskLevel(), risk == null ? 0 : risk.riskLevel());
    int cycle = config.cycleMonths();
    int raw = (int) Math.floor(cycle / (1.0 + score) + 1e-9);
    int minimum = Math.max(1, w.minimumIntervalMonths());
    return Math.min(cycle, Math.max(minimum, raw));
  }

  /** The first due month (0-based) of {@code itemId} with {@code interval}. */
  static int firstDueMonth(String itemId, int interval) {
    return Math.min(interval - 1, (int) Math.floor(unitHash(itemId) * interval));
  }

  private static double term(double weight, int count) {
    int capped = Math.min(count, COUNT_CAP);
    if (capped <= 0 || Double.isNaN(weight) || weight <= 0) {
      return 0;
    }
    return weight * capped;
  }

  /** A stable hash of {@code s} in [0, 1) (FNV-1a, 64 bits). */
  private static double unitHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }

  /** One due audit of an item: due in month {@code due}, to be placed before {@code deadline}. */
  private record Occurrence(AuditItem item, int rank, int due, int deadline) {}

  /** A day and an auditor for an audit. */
  private record Slot(LocalDate day, ProgrammeConfig.Auditor auditor) {}

  /** The state of one planning run. */
  private final class Run {
    private final List<AuditItem> universe = new ArrayList<>();
    private final Map<String, Integer> rank = new HashMap<>();
    private final Map<String, Integer> groupRank = new HashMap<>();
    private final Map<String, ItemRisk> risks;
    private final LocalDate from;
    private final LocalDate end;
    private final List<ProgrammeConfig.Auditor> auditors;
    private final Map<String, Integer> load = new HashMap<>();
    private final Map<String, Integer> monthLoad = new HashMap<>();
    private final List<AuditPlan.PlannedAudit> audits = new ArrayList<>();
    private final List<AuditPlan.Unassigned> unassigned = new ArrayList<>();

    Run(List<AuditItem> items, Map<String, ItemRisk> risks, LocalDate from) {
      for (var item : items) {
        Objects.requireNonNull(item, "universe item");
        if (!rank.containsKey(item.id())) {
          rank.put(item.id(), universe.size());
          universe.add(item);
          groupRank.putIfAbsent(item.group(), groupRank.size());
        }
      }
      this.risks = risks;
      this.from = from;
      this.end = from.plusMonths(config.cycleMonths());
      this.auditors = config.auditors().stream()
          .sorted(Comparator.comparing(ProgrammeConfig.Auditor::id)).toList();
    }

    AuditPlan plan() {
      var occurrences = new ArrayList<Occurrence>();
      for (var item : universe) {
        if (independentAuditors(item).isEmpty()) {
          unassigned.add(new AuditPlan.Unassigned(item.id(), conflictReason(item)));
          continue;
        }
        int interval = intervalMonths(risks.get(item.id()));
        for (int due = firstDueMonth(item.id(), interval); due < config.cycleMonths();
            due += interval) {
          occurrences.add(new Occurrence(item, rank.get(item.id()), due,
              Math.min(due + interval, config.cycleMonths())));
        }
      }
      var pending = new ArrayList<Occurrence>();
      for (int month = 0; month < config.cycleMonths(); month++) {
        final int m = month;
        occurrences.stream().filter(o -> o.due() == m).forEach(pending::add);
        if (pending.isEmpty()) {
          continue;
        }
        var carried = planMonth(m, pending);
        pending.clear();
        for (var o : carried) {
          if (m + 1 < o.deadline()) {
            pending.add(o);
          } else {
            unassigned.add(new AuditPlan.Unassigned(o.item().id(), capacityReason(o)));
          }
        }
      }
      audits.sort(Comparator.comparing(AuditPlan.PlannedAudit::date)
          .thenComparing(AuditPlan.PlannedAudit::id));
      var sortedUnassigned = new ArrayList<>(unassigned);
      sortedUnassigned.sort(Comparator.comparing(u -> rank.get(u.item())));
      return new AuditPlan(from, end.minusDays(1), audits, sortedUnassigned);
    }

    /** Plans the occurrences pending in {@code month}; returns those no auditor could take. */
    private List<Occurrence> planMonth(int month, List<Occurrence> pending) {
      pending.sort(Comparator.<Occurrence>comparingInt(o -> groupRank.get(o.item().group()))
          .thenComparing(o -> ownerKey(o.item()))
          .thenComparingInt(Occurrence::rank));
      var chunks = new ArrayList<List<Occurrence>>();
      for (var o : pending) {
        var last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (last == null || last.size() >= config.auditSize()
            || !last.get(0).item().group().equals(o.item().group())) {
          last = new ArrayList<>();
          chunks.add(last);
        }
        last.add(o);
      }
      var days = workingDays(month, month + 1);
      var carried = new ArrayList<Occurrence>();
      for (int c = 0; c < chunks.size(); c++) {
        var chunk = chunks.get(c);
        int preferred = days.isEmpty() ? 0 : c * days.size() / chunks.size();
        var slot = findSlot(items(chunk), days, preferred);
        if (slot != null) {
          record(slot, chunk);
          continue;
        }
        // split: each sub-audit takes the items its auditor is independent of
        var remaining = new ArrayList<>(chunk);
        while (!remaining.isEmpty()) {
          var first = remaining.remove(0);
          var single = findSlot(List.of(first.item()), days, preferred);
          if (single == null) {
            carried.add(first);
            continue;
          }
          var members = new ArrayList<Occurrence>();
          members.add(first);
          for (var o : remaining) {
            if (members.size() < config.auditSize() && !conflicts(single.auditor(), o.item())) {
              members.add(o);
            }
          }
          remaining.removeAll(members);
          record(single, members);
        }
      }
      return carried;
    }

    private List<AuditItem> items(List<Occurrence> occurrences) {
      return occurrences.stream().map(Occurrence::item).toList();
    }

    private Slot findSlot(List<AuditItem> items, List<LocalDate> days, int preferred) {
      var candidates = auditors.stream()
          .filter(a -> items.stream().noneMatch(i -> conflicts(a, i)))
          .sorted(Comparator.<ProgrammeConfig.Auditor>comparingInt(
              a -> load.getOrDefault(a.id(), 0)).thenComparing(ProgrammeConfig.Auditor::id))
          .toList();
      for (int d = 0; d < days.size(); d++) {
        var day = days.get((preferred + d) % days.size());
        for (var a : candidates) {
          if (a.availableOn(day) && monthLoad(a, day) < a.maxAuditsPerMonth()) {
            return new Slot(day, a);
          }
        }
      }
      return null;
    }

    private int monthLoad(ProgrammeConfig.Auditor a, LocalDate day) {
      return monthLoad.getOrDefault(a.id() + "@" + YearMonth.from(day), 0);
    }

    private void record(Slot slot, List<Occurrence> occurrences) {
      var a = slot.auditor();
      load.merge(a.id(), 1, Integer::sum);
      monthLoad.merge(a.id() + "@" + YearMonth.from(slot.day()), 1, Integer::sum);
      var items = occurrences.stream().sorted(Comparator.comparingInt(Occurrence::rank))
          .map(Occurrence::item).toList();
      var ids = items.stream().map(AuditItem::id).toList();
      audits.add(new AuditPlan.PlannedAudit(auditId(slot.day(), ids), slot.day(), a.id(), ids,
          criteria(items), scope(items), method(items)));
    }

    /** Working days (Monday to Friday) of months {@code [first, last)} of the cycle. */
    private List<LocalDate> workingDays(int first, int last) {
      var days = new ArrayList<LocalDate>();
      var stop = from.plusMonths(last);
      for (var d = from.plusMonths(first); d.isBefore(stop); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
          days.add(d);
        }
      }
      return days;
    }

    private String ownerKey(AuditItem item) {
      var owner = config.owners().get(item.id());
      return owner == null ? "\uffff" : owner;
    }

    private boolean conflicts(ProgrammeConfig.Auditor a, AuditItem item) {
      var owner = config.owners().get(item.id());
      if (owner != null && (owner.equals(a.id()) || owner.equals(a.email()))) {
        return true;
      }
      var risk = risks.get(item.id());
      return risk != null && (risk.actionImplementers().contains(a.id())
          || (a.email() != null && risk.actionImplementers().contains(a.email())));
    }

    private List<ProgrammeConfig.Auditor> independentAuditors(AuditItem item) {
      return auditors.stream().filter(a -> !conflicts(a, item)).toList();
    }

    private String conflictReason(AuditItem item) {
      if (auditors.isEmpty()) {
        return "no auditors are configured to audit " + item.id();
      }
      var owner = config.owners().get(item.id());
      var risk = risks.get(item.id());
      var implementers = risk == null ? List.<String>of()
          : new TreeSet<>(risk.actionImplementers()).stream().toList();
      return "every auditor owns or implemented actions on " + item.id()
          + (owner == null ? "" : " (owner: " + owner + ")")
          + (implementers.isEmpty() ? "" : " (action implementers: "
              + String.join(", ", implementers) + ")");
    }

    private String capacityReason(Occurrence o) {
      var days = workingDays(o.due(), o.deadline());
      var independent = independentAuditors(o.item());
      var window = "its audit due " + from.plusMonths(o.due()) + " could not be planned before "
          + from.plusMonths(o.deadline());
      var availableMonths = new TreeSet<YearMonth>();
      for (var day : days) {
        for (var a : independent) {
          if (a.availableOn(day)) {
            availableMonths.add(YearMonth.from(day));
          }
        }
      }
      if (availableMonths.isEmpty()) {
        return "all auditors unavailable: no auditor independent of " + o.item().id()
            + " is available on a working day from " + from.plusMonths(o.due()) + " to "
            + from.plusMonths(o.deadline()).minusDays(1) + "; " + window;
      }
      return "no auditor has capacity in "
          + availableMonths.stream().map(YearMonth::toString).collect(Collectors.joining(", "))
          + ": the auditors independent of " + o.item().id()
          + " are fully booked (maxAuditsPerMonth) on their available days; " + window;
    }
  }

  /** A deterministic id from the date and the items: {@code AUD-2027-03-15-1a2b3c4d}. */
  static String auditId(LocalDate date, List<String> items) {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest((date + "|" + String.join(",", items)).getBytes(StandardCharsets.UTF_8));
      return "AUD-" + date + "-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  static String criteria(List<AuditItem> items) {
    var byKind = new LinkedHashMap<AuditItem.Kind, List<String>>();
    items.forEach(i -> byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i.id()));
    var parts = new ArrayList<String>();
    if (byKind.containsKey(AuditItem.Kind.CLAUSE)) {
      var clauses = byKind.get(AuditItem.Kind.CLAUSE);
      parts.add((clauses.size() == 1 ? "clause " : "clauses ") + String.join(", ", clauses));
    }
    if (byKind.containsKey(AuditItem.Kind.CONTROL)) {
      var controls = byKind.get(AuditItem.Kind.CONTROL);
      parts.add("Annex A " + (controls.size() == 1 ? "control " : "controls ")
          + String.join(", ", controls));
    }
    return String.join(" and ", parts) + CRITERIA_SUFFIX;
  }

  static String scope(List<AuditItem> items) {
    return items.stream()
        .map(i -> i.title().isBlank() ? i.id() : i.id() + " " + i.title())
        .collect(Collectors.joining("; "));
  }

  static String method(List<AuditItem> items) {
    var method = "Document review of the documented information and interviews with the owners"
        + " and staff concerned";
    if (items.stream().anyMatch(i -> i.kind() == AuditItem.Kind.CONTROL)) {
      method += "; sampling of evidence of operation, including Vigil's check results of the"
          + " period for the controls";
    } else {
      method += "; sampling of records";
    }
    return method;
  }
}
