package io.vigil.bench.jmh;

import io.vigil.domain.audit.AuditItem;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditPlanner;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditRisks;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ItemRisk;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.domain.audit.ProgrammeConfig.Auditor;
import io.vigil.domain.audit.ProgrammeConfig.Period;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.fakes.InMemoryAuditRepository;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.Treatment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Programme planning: the daily re-plan of schedule-audits ({@code AuditScheduling.preview}) for
 * the sample organisation of {@code vigil demo} — four auditors with capacities and an absence,
 * owners who may not audit what they own, two physical controls not applicable — over the whole
 * audit universe (clauses 4–10 and the applicable Annex A controls), with risk inputs from open
 * findings (failing checks on a third of the catalogue, minor and major nonconformities) and
 * yesterday's plan stored, as {@link AuditPlanner} gets them in the Lambda.
 *
 * <p>Budget: 1 % of the schedule-audits function's 2-minute timeout: 1,200 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProgrammePlanningBenchmark {

  static final LocalDate TODAY = LocalDate.parse("2027-03-01");

  private AuditPlanner planner;
  private List<AuditItem> universe;
  private Map<String, ItemRisk> risks;
  private List<AuditRecord> history;

  @Setup
  public void prepare() {
    var config = sampleProgramme(TODAY);
    planner = new AuditPlanner(config);
    universe = AuditUniverse.of(config.notApplicable());
    risks = AuditRisks.fromOpenFindings(openFindings(), id -> List.of());
    var audits = new InMemoryAuditRepository();
    audits.savePlan(planner.plan(universe, risks, TODAY.minusDays(1)));
    var cycleStart = planner.cycleStart(TODAY);
    history = audits.records(cycleStart.minusMonths(config.cycleMonths()),
        TODAY.plusMonths(config.cycleMonths()), EnumSet.allOf(AuditStatus.class));
    if (history.isEmpty() || risks.isEmpty()) {
      throw new IllegalStateException("the planning inputs are empty");
    }
  }

  /** Today's plan, keeping yesterday's stored audits where still valid. */
  @Benchmark
  @Budget(value = 1200, why = "1 % of the schedule-audits function's 2-minute timeout")
  public AuditPlan plan() {
    return planner.plan(universe, risks, TODAY, history);
  }

  /**
   * The sample organisation of {@code vigil demo} (the CLI's {@code AuditsDemo.sampleProgramme},
   * which is package-private there): 12-month cycle, audits of up to 6 items.
   */
  static ProgrammeConfig sampleProgramme(LocalDate today) {
    var owners = new LinkedHashMap<String, String>();
    for (var clause : List.of("5.1", "5.2", "5.3", "6.1.2", "6.2", "9.3")) {
      owners.put(clause, "alice");
    }
    for (var control : List.of("A.8.2", "A.8.5", "A.8.9", "A.8.15", "A.8.20", "A.8.24",
        "A.5.15", "A.5.18")) {
      owners.put(control, "bob");
    }
    for (var control : List.of("A.6.1", "A.6.2", "A.6.3", "A.6.4", "A.6.5")) {
      owners.put(control, "carol");
    }
    var auditors = List.of(
        new Auditor("alice", "Alice Martin (CISO)", "alice@acme.example", 2, List.of()),
        new Auditor("bob", "Bob Chen (platform lead)", "bob@acme.example", 1, List.of()),
        new Auditor("carol", "Carol Diaz (people ops)", "carol@acme.example", 1,
            List.of(new Period(today.plusMonths(2), today.plusMonths(2).plusDays(20)))),
        new Auditor("dave", "Dave Okafor (external auditor)", "dave@audit.example", 2,
            List.of()));
    return new ProgrammeConfig(12, 6, auditors, owners, Set.of("A.7.1", "A.7.2"), null);
  }

  /**
   * Open findings as the planner's risk inputs: five failing resources for every third check of
   * the catalogue that maps to a control, eight minor and two major nonconformities from audits, on clauses and
   * controls.
   */
  static List<Finding> openFindings() {
    var out = new ArrayList<Finding>();
    var raised = TODAY.minusDays(20).atStartOfDay().toInstant(ZoneOffset.UTC);
    // checks that map to an Annex A control (a finding names what it is about)
    var checks = CheckIndex.bundled().all().stream().filter(c -> !c.primary().isEmpty()).toList();
    for (int i = 0; i < checks.size(); i += 3) {
      var check = checks.get(i);
      for (int r = 0; r < 5; r++) {
        out.add(finding("F-c" + i + "-" + r, FindingType.OBSERVATION,
            FindingSource.AUTOMATED_CHECK, check.primary(), List.of(), new CheckId(check.id()),
            "arn:aws:" + check.service() + ":eu-west-1:123456789012:resource/" + r, raised));
      }
    }
    var controls = List.of("A.5.15", "A.8.24", "A.5.30", "A.8.13", "A.8.16", "A.5.9", "A.8.8",
        "A.6.3");
    for (int i = 0; i < controls.size(); i++) {
      out.add(finding("F-m" + i, FindingType.MINOR_NONCONFORMITY, FindingSource.INTERNAL_AUDIT,
          List.of(ControlId.parse(controls.get(i))), List.of(), null, null, raised));
    }
    out.add(finding("F-M1", FindingType.MAJOR_NONCONFORMITY, FindingSource.EXTERNAL_AUDIT,
        List.of(), List.of(ClauseId.parse("9.2")), null, null, raised));
    out.add(finding("F-M2", FindingType.MAJOR_NONCONFORMITY, FindingSource.INTERNAL_AUDIT,
        List.of(ControlId.parse("A.8.15")), List.of(), null, null, raised));
    return out;
  }

  private static Finding finding(String id, FindingType type, FindingSource source,
      List<ControlId> controls, List<ClauseId> clauses, CheckId check, String resourceArn,
      java.time.Instant raised) {
    return new Finding(FindingId.of(id), type, source, FindingStatus.OPEN, "Finding " + id, null,
        Severity.MEDIUM, controls, clauses, check, check == null ? null : "123456789012",
        check == null ? null : "eu-west-1", resourceArn, raised, null, "owner", null, null, null,
        null, null, Treatment.none(), 0);
  }
}
