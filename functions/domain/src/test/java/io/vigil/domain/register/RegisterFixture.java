package io.vigil.domain.register;

import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryRegisterRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.NewFinding;
import io.vigil.domain.notification.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The register and SoA services over the in-memory stores, a settable clock, readable ids. */
final class RegisterFixture {

  static final Actor MANAGER = new Actor("sub-isms", "isms@acme.test", Set.of(Role.ISMS_MANAGER));
  static final Actor VIEWER = new Actor("sub-viewer", "viewer@acme.test", Set.of(Role.VIEWER));
  static final Actor AUDITOR = new Actor("sub-auditor", "auditor@acme.test",
      Set.of(Role.AUDITOR));
  static final Actor RISK_OWNER = new Actor("sub-cto", "cto@acme.test", Set.of(Role.OWNER));
  static final Actor OTHER_OWNER = new Actor("sub-ops", "ops@acme.test", Set.of(Role.OWNER));
  static final Actor NOBODY = new Actor("sub-none", "none@acme.test", Set.of());

  final InMemoryRegisterRepository registers = new InMemoryRegisterRepository();
  final InMemoryFindingRepository findingRepo = new InMemoryFindingRepository();
  final InMemoryResultRepository results = new InMemoryResultRepository();
  final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-28T09:00:00Z"));
  final List<DomainEvent> published = new ArrayList<>();
  final AtomicInteger publications = new AtomicInteger();
  final FindingService findings;
  final RegisterService service;
  final SoaService soa;

  RegisterFixture() {
    this(true);
  }

  RegisterFixture(boolean withVault) {
    var seq = new AtomicInteger();
    var checks = CheckIndex.bundled();
    Optional<io.vigil.domain.evidence.EvidenceVault> v = withVault ? Optional.of(vault)
        : Optional.empty();
    findings = new FindingService(findingRepo, now::get, () -> "f" + seq.incrementAndGet());
    service = new RegisterService(registers, findingRepo,
        new LiveKpis(results, checks, findingRepo, registers), v, now::get,
        () -> String.format("%08d", seq.incrementAndGet()));
    soa = new SoaService(registers, findingRepo, results, checks, v, now::get);
  }

  void publish(List<? extends DomainEvent> events) {
    publications.incrementAndGet();
    published.addAll(events);
  }

  LocalDate today() {
    return LocalDate.ofInstant(now.get(), java.time.ZoneOffset.UTC);
  }

  /** A risk owned by cto@acme.test: likelihood 4 × impact 4, MODIFY with A.8.24 and A.8.13. */
  static Map<String, Object> risk() {
    var m = new LinkedHashMap<String, Object>();
    m.put("title", "Ransomware encrypts production data");
    m.put("asset", "Customer database (RDS)");
    m.put("threat", "Ransomware");
    m.put("vulnerability", "Backups in the same account");
    m.put("owner", "cto@acme.test");
    m.put("likelihood", 4L);
    m.put("impact", 4L);
    m.put("treatment", "MODIFY");
    m.put("controls", List.of("A.8.24", "A.8.13"));
    m.put("treatmentPlan", "Cross-account backups; restore test each quarter");
    m.put("residualLikelihood", 2L);
    m.put("residualImpact", 2L);
    return m;
  }

  RegisterService.View createRisk() {
    return service.create(RegisterKind.RISK, null, risk(), MANAGER);
  }

  /** An evidence task of ops@acme.test for A.6.3, due on {@code nextDue}, every 3 months. */
  RegisterService.View createTask(LocalDate nextDue) {
    return service.create(RegisterKind.EVIDENCE_TASK, null, Map.of(
        "controls", List.of("A.6.3"), "title", "Awareness training completion report",
        "owner", "ops@acme.test", "frequencyMonths", 3L, "nextDue", nextDue.toString()),
        MANAGER);
  }

  /** A decision for every control: applicable, except those in {@code excluded}. */
  void decideAll(Set<String> excluded) {
    for (var c : io.vigil.domain.control.AnnexACatalogue.standard().all()) {
      var id = c.id().toString();
      boolean applicable = !excluded.contains(id);
      service.create(RegisterKind.SOA_DECISION, id, Map.of("applicable", applicable,
          "justification", applicable ? "Needed for the cloud service (" + id + ")"
              : "Cloud-only: no premises of our own"), MANAGER);
    }
  }

  /**
   * An open automated finding of {@code check} on {@code control} (failing evidence), an
   * observation as a medium-severity failure is raised.
   */
  void failingCheckFinding(String check, String control) {
    var finding = new Finding(FindingId.of("F-auto-" + Sha256.of(check).hex().substring(0, 12)),
        FindingType.OBSERVATION, FindingSource.AUTOMATED_CHECK, FindingStatus.OPEN,
        check + ": not met", "failing", Severity.MEDIUM, List.of(ControlId.parse(control)),
        List.of(), CheckId.of(check), "111122223333", "eu-west-1",
        "arn:aws:s3:::bucket-" + check, now.get(),
        today().plusDays(30), null, null, null, null, null, null, null, 0);
    findingRepo.recordFailure(finding, now.get());
  }

  /** An open minor nonconformity raised by an auditor on {@code control}. */
  Finding nonconformity(String control) {
    return findings.create(new NewFinding("Gap on " + control, FindingType.MINOR_NONCONFORMITY,
        FindingSource.INTERNAL_AUDIT, List.of(ControlId.parse(control)), List.of(), "found",
        null, "cto@acme.test", today().plusDays(60), null), AUDITOR);
  }

  /** The latest result of {@code check} on one resource. */
  void result(String check, String control, CheckStatus status) {
    var arn = "arn:aws:s3:::" + check + "-" + status;
    results.saveAll(List.of(new CheckResult("run-1", CheckId.of(check), status, "111122223333",
        "eu-west-1", arn, "AWS::S3::Bucket", List.of(ControlId.parse(control)), Severity.HIGH,
        now.get(), Sha256.of(arn), status == CheckStatus.FAIL ? "not met" : "ok")));
  }
}
