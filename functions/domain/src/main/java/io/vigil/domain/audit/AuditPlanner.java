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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans the internal audit programme (clause 9.2.2) from a day over one cycle ahead. The plan
 * is a pure, deterministic function of the configuration, the universe, the risk inputs, the day
 * and the stored audits: the same inputs give the same plan, ids included, so re-planning is
 * idempotent; stored planned audits that are still valid are kept, so the daily re-plan does not
 * move them; a new major nonconformity shortens the item's interval and so pulls its next audit
 * forward; the items of a cancelled audit are planned again (not on the cancelled auditor's day).
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
 * <p>Cycles start on {@link ProgrammeConfig#cycleStart()} (default 1 January) and last
 * {@code C} months, whatever the day of planning. Month {@code k} of the timeline is
 * {@code [S + k months, S + k+1 months)} where {@code S} is the start of the cycle containing the
 * day of planning; months {@code C .. 2C-1} belong to the next cycle, planned as far as the horizon
 * (the day of planning + {@code C} months). In each cycle an item is due in the windows
 * {@code [o + j·interval, min(o + (j+1)·interval, C))}, where the offset
 * {@code o = floor(h · interval)} and {@code h ∈ [0, 1)} is a stable hash of the item id: the
 * workload spreads evenly over the cycle, every item is due at least once per cycle, and a shorter
 * interval never gives a later first window. A window is satisfied by an audit of the item started
 * or completed within it; windows that ended before the day of planning are history. An open
 * window is planned from its first month (or the current one) and may slip to its later months
 * when no auditor can take it.
 *
 * <p>Stored audits: a stored planned audit is kept unchanged while every item still has an open,
 * unsatisfied window containing its date and its auditor is still configured, independent,
 * available and within capacity; one whose date has passed (overdue, never started) is kept as it
 * was until it is started or cancelled. Audits started or completed count towards their auditor's
 * capacity. A cancelled audit's auditor is not planned again on that day.
 *
 * <h2>Audits and auditors</h2>
 *
 * <p>The items pending in a month are sorted by group (clause number or Annex A theme, in universe
 * order), then owner, then universe order, and cut into audits of at most {@code auditSize} items
 * of one group. Each audit goes to a working day of the month (a stable hash of its items picks the
 * preferred day, later days then earlier ones are tried; never before the day of planning) and to
 * the eligible auditor with the fewest audits so far, then the smallest id. Eligible: not the owner of
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
    return plan(universe, risks, from, List.of());
  }

  /**
   * The plan from {@code from}, knowing the programme's stored audits: audits started or completed
   * cover their items' due windows, stored planned audits are kept while still valid (so the plan
   * does not move from day to day), and cancelled audits release their items and block their
   * auditor's day.
   *
   * @param history stored audits of any status (at least those of the current and previous cycle)
   */
  public AuditPlan plan(List<AuditItem> universe, Map<String, ItemRisk> risks, LocalDate from,
      List<AuditRecord> history) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(from, "from");
    return new Run(universe, risks == null ? Map.of() : risks, from,
        history == null ? List.of() : history).plan();
  }

  /**
   * The first day of the cycle that contains {@code day}: cycles of {@code cycleMonths} start on
   * {@link ProgrammeConfig#cycleStart()} (day of month capped at 28) and repeat every cycle.
   */
  public LocalDate cycleStart(LocalDate day) {
    var md = config.cycleStart();
    var anchor = LocalDate.of(2000, md.getMonth(), Math.min(28, md.getDayOfMonth()));
    long months = java.time.temporal.ChronoUnit.MONTHS.between(anchor, day);
    long k = Math.floorDiv(months, config.cycleMonths());
    var start = anchor.plusMonths(k * config.cycleMonths());
    while (start.isAfter(day)) {
      start = start.minusMonths(config.cycleMonths());
    }
    while (!start.plusMonths(config.cycleMonths()).isAfter(day)) {
      start = start.plusMonths(config.cycleMonths());
    }
    return start;
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

  /**
   * One due audit of an item: due in month {@code due} of the timeline (months since the cycle
   * start), to be placed before month {@code deadline}.
   */
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
    private final LocalDate start;
    private final LocalDate end;
    private final int current;
    private final List<ProgrammeConfig.Auditor> auditors;
    private final Map<String, ProgrammeConfig.Auditor> auditorById = new HashMap<>();
    private final Map<String, Integer> load = new HashMap<>();
    private final Map<String, Integer> monthLoad = new HashMap<>();
    private final List<AuditPlan.PlannedAudit> audits = new ArrayList<>();
    private final List<AuditPlan.Unassigned> unassigned = new ArrayList<>();
    private final Map<String, List<LocalDate>> audited = new HashMap<>();
    private final Set<String> blocked = new HashSet<>();
    private final Set<String> takenIds = new HashSet<>();
    private final List<AuditPlan.PlannedAudit> stored = new ArrayList<>();

    Run(List<AuditItem> items, Map<String, ItemRisk> risks, LocalDate from,
        List<AuditRecord> history) {
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
      this.start = cycleStart(from);
      this.end = from.plusMonths(config.cycleMonths());
      this.current = monthOf(from);
      this.auditors = config.auditors().stream()
          .sorted(Comparator.comparing(ProgrammeConfig.Auditor::id)).toList();
      auditors.forEach(a -> auditorById.put(a.id(), a));
      for (var r : history) {
        switch (r.status()) {
          case IN_PROGRESS, COMPLETED -> {
            takenIds.add(r.id());
            r.plan().items().forEach(i -> audited.computeIfAbsent(i, k -> new ArrayList<>())
                .add(r.day()));
            if (r.plan().auditor() != null) {
              load.merge(r.plan().auditor(), 1, Integer::sum);
              monthLoad.merge(r.plan().auditor() + "@" + YearMonth.from(r.day()), 1,
                  Integer::sum);
            }
          }
          case CANCELLED -> {
            takenIds.add(r.id());
            if (r.plan().auditor() != null) {
              blocked.add(r.plan().auditor() + "@" + r.plan().date());
            }
          }
          case PLANNED -> stored.add(r.plan());
        }
      }
      stored.sort(Comparator.comparing(AuditPlan.PlannedAudit::date)
          .thenComparing(AuditPlan.PlannedAudit::id));
    }

    /** Month of the timeline that contains {@code day} (0 = the first month of the cycle). */
    private int monthOf(LocalDate day) {
      int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, day);
      // between() truncates towards zero; days before the cycle start belong to negative months
      return start.plusMonths(months).isAfter(day) ? months - 1 : months;
    }

    private LocalDate monthStart(int month) {
      return start.plusMonths(month);
    }

    AuditPlan plan() {
      var occurrences = new ArrayList<Occurrence>();
      int cycle = config.cycleMonths();
      for (var item : universe) {
        if (independentAuditors(item).isEmpty()) {
          unassigned.add(new AuditPlan.Unassigned(item.id(), conflictReason(item)));
          continue;
        }
        int interval = intervalMonths(risks.get(item.id()));
        for (int c = 0; c < 2; c++) {
          for (int due = firstDueMonth(item.id(), interval); due < cycle; due += interval) {
            int d = c * cycle + due;
            int deadline = c * cycle + Math.min(due + interval, cycle);
            if (!monthStart(deadline).isAfter(from) || !monthStart(d).isBefore(end)
                || covered(item.id(), d, deadline)) {
              continue;
            }
            occurrences.add(new Occurrence(item, rank.get(item.id()), d, deadline));
          }
        }
      }
      keepStored(occurrences);
      int last = monthOf(end.minusDays(1));
      var pending = new ArrayList<Occurrence>();
      for (int month = current; month <= last; month++) {
        final int m = month;
        occurrences.stream().filter(o -> Math.max(o.due(), current) == m).forEach(pending::add);
        if (pending.isEmpty()) {
          continue;
        }
        var carried = planMonth(m, pending);
        pending.clear();
        for (var o : carried) {
          if (m + 1 < o.deadline() && monthStart(m + 1).isBefore(end)) {
            pending.add(o);
          } else if (!monthStart(o.deadline()).isAfter(end)) {
            unassigned.add(new AuditPlan.Unassigned(o.item().id(), capacityReason(o)));
          }
          // else: its window runs past the horizon; a later run plans it
        }
      }
      audits.sort(Comparator.comparing(AuditPlan.PlannedAudit::date)
          .thenComparing(AuditPlan.PlannedAudit::id));
      var sortedUnassigned = new ArrayList<>(unassigned);
      sortedUnassigned.sort(Comparator.comparing(u -> rank.get(u.item())));
      return new AuditPlan(from, end.minusDays(1), audits, sortedUnassigned);
    }

    /** An audit started or completed within months {@code [due, deadline)} covers the item. */
    private boolean covered(String item, int due, int deadline) {
      var days = audited.get(item);
      if (days == null) {
        return false;
      }
      var a = monthStart(due);
      var b = monthStart(deadline);
      return days.stream().anyMatch(d -> !d.isBefore(a) && d.isBefore(b));
    }

    /**
     * Keeps each stored planned audit that is still valid — every item still due in a window that
     * contains its date, its auditor still configured, independent of every item, available that
     * day and within capacity, its size within {@code auditSize}, its date before the horizon —
     * and removes the occurrences it covers. An overdue audit (date passed, not started) is
     * kept as it was planned until it is started or cancelled, and covers its items' windows that
     * contain its date.
     */
    private void keepStored(List<Occurrence> occurrences) {
      for (var s : stored) {
        if (takenIds.contains(s.id())) {
          continue;
        }
        boolean overdue = s.date().isBefore(from);
        var auditor = auditorById.get(s.auditor());
        int month = monthOf(s.date());
        var claimed = new ArrayList<Occurrence>();
        boolean valid = auditor != null && !s.items().isEmpty()
            && s.items().size() <= config.auditSize() && s.date().isBefore(end);
        for (var itemId : s.items()) {
          if (!valid) {
            break;
          }
          var match = occurrences.stream()
              .filter(o -> o.item().id().equals(itemId) && o.due() <= month
                  && month < o.deadline() && !claimed.contains(o))
              .findFirst();
          if (match.isPresent() && !conflicts(auditor, match.get().item())) {
            claimed.add(match.get());
          } else if (!overdue) {
            valid = false;
          }
        }
        if (!overdue && valid && (!auditor.availableOn(s.date())
            || blocked.contains(auditor.id() + "@" + s.date())
            || monthLoad(auditor, s.date()) >= auditor.maxAuditsPerMonth())) {
          valid = false;
        }
        if (!overdue && !valid) {
          continue;
        }
        // kept: a valid future audit unchanged, or an overdue one as it was planned (the plan does
        // not rewrite the past; it stays overdue until started or cancelled)
        occurrences.removeAll(claimed);
        load.merge(s.auditor(), 1, Integer::sum);
        monthLoad.merge(s.auditor() + "@" + YearMonth.from(s.date()), 1, Integer::sum);
        takenIds.add(s.id());
        if (overdue) {
          audits.add(s);
          continue;
        }
        var items = claimed.stream().map(Occurrence::item).toList();
        audits.add(new AuditPlan.PlannedAudit(s.id(), s.date(), auditor.id(), auditor.email(),
            s.items(), criteria(items), scope(items), method(items)));
      }
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
      var monthDays = workingDays(monthStart(month), monthStart(month + 1));
      var days = monthDays.stream().filter(d -> !d.isBefore(from) && d.isBefore(end)).toList();
      var carried = new ArrayList<Occurrence>();
      for (var chunk : chunks) {
        var slot = findSlot(items(chunk), monthDays, days, preferred(chunk, monthDays));
        if (slot != null) {
          record(slot, chunk);
          continue;
        }
        // split: each sub-audit takes the items its auditor is independent of
        var remaining = new ArrayList<>(chunk);
        while (!remaining.isEmpty()) {
          var first = remaining.remove(0);
          var single = findSlot(List.of(first.item()), monthDays, days,
              preferred(List.of(first), monthDays));
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

    /**
     * The preferred working day of an audit within its month: a stable hash of its items, so that
     * the day does not depend on the other audits of the month nor on the day of planning.
     */
    private LocalDate preferred(List<Occurrence> chunk, List<LocalDate> monthDays) {
      if (monthDays.isEmpty()) {
        return null;
      }
      var key = chunk.stream().map(o -> o.item().id()).collect(Collectors.joining(","));
      return monthDays.get((int) Math.floor(unitHash(key) * monthDays.size()));
    }

    private List<AuditItem> items(List<Occurrence> occurrences) {
      return occurrences.stream().map(Occurrence::item).toList();
    }

    /**
     * The first day from the preferred one onwards (then the earlier days of the month) on which
     * an eligible auditor is free; only {@code allowed} days (not before {@code from}, before the
     * horizon) qualify.
     */
    private Slot findSlot(List<AuditItem> items, List<LocalDate> monthDays, List<LocalDate> allowed,
        LocalDate preferred) {
      if (allowed.isEmpty()) {
        return null;
      }
      var candidates = auditors.stream()
          .filter(a -> items.stream().noneMatch(i -> conflicts(a, i)))
          .sorted(Comparator.<ProgrammeConfig.Auditor>comparingInt(
              a -> load.getOrDefault(a.id(), 0)).thenComparing(ProgrammeConfig.Auditor::id))
          .toList();
      int first = Math.max(0, monthDays.indexOf(preferred));
      for (int d = 0; d < monthDays.size(); d++) {
        var day = monthDays.get((first + d) % monthDays.size());
        if (!allowed.contains(day)) {
          continue;
        }
        for (var a : candidates) {
          if (a.availableOn(day) && !blocked.contains(a.id() + "@" + day)
              && monthLoad(a, day) < a.maxAuditsPerMonth()) {
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
      var id = auditId(slot.day(), ids);
      for (int k = 2; takenIds.contains(id); k++) {
        id = auditId(slot.day(), ids) + "-" + k;
      }
      takenIds.add(id);
      audits.add(new AuditPlan.PlannedAudit(id, slot.day(), a.id(), a.email(), ids,
          criteria(items), scope(items), method(items)));
    }

    /** Working days (Monday to Friday) from {@code first} (included) to {@code stop}. */
    private List<LocalDate> workingDays(LocalDate first, LocalDate stop) {
      var days = new ArrayList<LocalDate>();
      for (var d = first; d.isBefore(stop); d = d.plusDays(1)) {
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
      var windowStart = monthStart(o.due()).isBefore(from) ? from : monthStart(o.due());
      var windowEnd = monthStart(o.deadline());
      var days = workingDays(windowStart, windowEnd);
      var independent = independentAuditors(o.item());
      var window = "its audit due " + windowStart + " could not be planned before " + windowEnd;
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
            + " is available on a working day from " + windowStart + " to "
            + windowEnd.minusDays(1) + "; " + window;
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
