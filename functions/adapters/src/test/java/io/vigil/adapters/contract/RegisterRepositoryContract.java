package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.domain.register.SoaVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegisterRepository} must do; subclasses supply the implementation. The same
 * scenarios run against the domain's in-memory fake and the DynamoDB adapter, so the fake cannot
 * drift from the real store.
 */
public abstract class RegisterRepositoryContract {

  /** Has a fraction of a second, so that a lossy time codec would show. */
  public static final Instant T0 = TestData.T0;
  public static final String MANAGER = "isms-manager@acme.example";

  protected RegisterRepository repo;

  /** A repository over an empty store of its own. */
  protected abstract RegisterRepository repository();

  @BeforeEach
  void setUp() {
    repo = repository();
  }

  // ---- records of every field type, normalised by the kinds' schemas as the service does ----

  /** A risk: texts, integers, an enum, controls, objects with dates; approvals in system. */
  public static RegisterRecord risk(String id) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("title", "Key \"material\" leaks — ünïcödé \uD83D\uDD11, tab\tand\nnewline");
    fields.put("asset", "customer database");
    fields.put("threat", "credential theft \u0001 / control characters");
    fields.put("vulnerability", "no MFA on \\ admin \\ accounts");
    fields.put("owner", "risk-owner@acme.example");
    fields.put("likelihood", 3L);
    fields.put("impact", 4L);
    fields.put("treatment", "MODIFY");
    fields.put("controls", List.of("A.8.24", "A.5.15"));
    fields.put("treatmentPlan", "1. enforce MFA\n2. rotate keys");
    fields.put("actions", List.of(
        Map.of("description", "Enforce MFA", "owner", "it@acme.example", "dueDate",
            "2027-01-31", "status", "IN_PROGRESS"),
        Map.of("description", "Rotate keys", "owner", "it@acme.example")));
    fields.put("residualLikelihood", 1L);
    fields.put("residualImpact", 2L);
    var system = new LinkedHashMap<String, Object>();
    system.put("treatmentApproval", Map.of("by", "risk-owner@acme.example", "at",
        T0.toString()));
    var acceptance = new LinkedHashMap<String, Object>();
    acceptance.put("by", "risk-owner@acme.example");
    acceptance.put("at", T0.plusSeconds(60).toString());
    acceptance.put("level", 2L);
    acceptance.put("withinAcceptance", true);
    system.put("residualAcceptance", acceptance);
    return record(RegisterKind.RISK, id, fields, system);
  }

  /** An objective: numbers (a fraction and a whole one), objects with numbers and dates. */
  public static RegisterRecord objective(String id) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("title", "Patch critical vulnerabilities");
    fields.put("target", 99.5);
    fields.put("direction", "AT_LEAST");
    fields.put("unit", "%");
    fields.put("owner", "ops@acme.example");
    fields.put("dueDate", "2027-06-30");
    fields.put("measurements", List.of(
        Map.of("date", "2027-01-31", "value", 97.25, "note", "January"),
        Map.of("date", "2027-02-28", "value", 100.0),
        Map.of("date", "2027-03-31", "value", 0.1)));
    return record(RegisterKind.OBJECTIVE, id, fields, Map.of());
  }

  /** An SoA decision: a boolean. */
  public static RegisterRecord decision(String controlId) {
    return record(RegisterKind.SOA_DECISION, controlId, Map.of("applicable", false,
        "justification", "no development in house"), Map.of());
  }

  /** The ISMS scope: lists of texts and objects. */
  public static RegisterRecord scope() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("description", "The SaaS platform and its operations");
    fields.put("accounts", List.of("111111111111", "222222222222"));
    fields.put("regions", List.of("eu-west-1", "eu-central-1"));
    fields.put("workloadTags", List.of(Map.of("key", "env", "value", "prod")));
    fields.put("exclusions", List.of(Map.of("item", "eu-central-1",
        "justification", "disaster recovery only, covered by the DR plan")));
    return record(RegisterKind.SCOPE, "isms", fields, Map.of());
  }

  /** The risk method: lists of texts, objects with integers. */
  public static RegisterRecord method() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("likelihoodScale", List.of("rare", "possible", "likely"));
    fields.put("impactScale", List.of("minor", "major", "severe"));
    fields.put("bands", List.of(Map.of("name", "low", "minLevel", 1L),
        Map.of("name", "high", "minLevel", 5L)));
    fields.put("acceptanceThreshold", 4L);
    return record(RegisterKind.RISK_METHOD, "method", fields, Map.of());
  }

  /** An evidence task with attachments in its system values. */
  public static RegisterRecord task(String id) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("controls", List.of("A.5.1"));
    fields.put("title", "Signed policy");
    fields.put("owner", "ciso@acme.example");
    fields.put("frequencyMonths", 12L);
    fields.put("nextDue", "2027-11-28");
    var attachment = new LinkedHashMap<String, Object>();
    attachment.put("attachedAt", T0.toString());
    attachment.put("attachedBy", "ciso@acme.example");
    attachment.put("evidenceSha256", "ab".repeat(32));
    attachment.put("fileName", "policy.pdf");
    return record(RegisterKind.EVIDENCE_TASK, id, fields, Map.of("attachments",
        List.of(attachment, Map.of("attachedAt", T0.plusSeconds(1).toString(),
            "reference", "DMS-42"))));
  }

  /** A record of {@code kind} with only its required text fields (for listings). */
  public static RegisterRecord simple(RegisterKind kind, String id, String title) {
    var fields = new LinkedHashMap<String, Object>();
    for (var f : kind.schema().fields()) {
      if (f.required()) {
        fields.put(f.name(), switch (f.type()) {
          case TEXT -> title;
          case ENUM -> f.values().get(0);
          case TEXT_LIST -> List.of(title);
          case INTEGER -> 3L;
          case DATE -> "2027-01-01";
          default -> throw new IllegalArgumentException(kind + " needs " + f);
        });
      }
    }
    return record(kind, id, fields, Map.of());
  }

  private static RegisterRecord record(RegisterKind kind, String id, Map<String, ?> fields,
      Map<String, Object> system) {
    return new RegisterRecord(kind, id, kind.schema().normalise(fields), system, T0, MANAGER, T0,
        MANAGER, 1);
  }

  public static RegisterEvent created(RegisterRecord r, Instant at) {
    return new RegisterEvent(at, MANAGER, RegisterEvent.Kind.CREATED,
        List.copyOf(r.fields().keySet()), null, 1);
  }

  public static RegisterEvent edited(Instant at, String actor, long version, String... fields) {
    return new RegisterEvent(at, actor, RegisterEvent.Kind.EDITED, List.of(fields),
        "note " + version, version);
  }

  /** {@code r} with field {@code name} set to {@code value}, edited by {@code by} at {@code at}. */
  public static RegisterRecord with(RegisterRecord r, String name, Object value, String by,
      Instant at) {
    var fields = new LinkedHashMap<>(r.fields());
    fields.put(name, value);
    return r.with(r.kind().schema().normalise(fields), r.system()).editedBy(by, at);
  }

  private static RegisterRecord atVersion(RegisterRecord r, long version) {
    return new RegisterRecord(r.kind(), r.id(), r.fields(), r.system(), r.createdAt(),
        r.createdBy(), r.updatedAt(), r.updatedBy(), version);
  }

  // ---- the contract ----

  @Test
  void create_thenFind_roundTripsEveryFieldType() {
    var records = List.of(risk("R-1"), objective("OBJ-1"), decision("A.8.25"), scope(),
        method(), task("TASK-1"));
    for (var r : records) {
      repo.create(r, created(r, T0));
    }

    for (var r : records) {
      assertEquals(Optional.of(r), repo.find(r.kind(), r.id()), r.kind() + " " + r.id());
    }
    var objective = repo.find(RegisterKind.OBJECTIVE, "OBJ-1").orElseThrow();
    assertInstanceOf(Double.class, objective.fields().get("target"));
    var measurements = objective.objects("measurements");
    assertEquals(List.of(97.25, 100.0, 0.1), measurements.stream().map(m -> m.get("value"))
        .toList());
    assertTrue(measurements.stream().allMatch(m -> m.get("value") instanceof Double),
        "a whole NUMBER is still a Double: " + measurements);
    var risk = repo.find(RegisterKind.RISK, "R-1").orElseThrow();
    assertInstanceOf(Long.class, risk.fields().get("likelihood"));
    assertEquals(Optional.of(3L), risk.integer("likelihood"));
    @SuppressWarnings("unchecked")
    var acceptance = (Map<String, Object>) risk.system().get("residualAcceptance");
    assertEquals(2L, acceptance.get("level"));
    assertEquals(true, acceptance.get("withinAcceptance"));
    assertEquals(Boolean.FALSE,
        repo.find(RegisterKind.SOA_DECISION, "A.8.25").orElseThrow().fields().get("applicable"));
    assertEquals(List.of("eu-west-1", "eu-central-1"),
        repo.find(RegisterKind.SCOPE, "isms").orElseThrow().texts("regions"), "list order kept");
    assertEquals(T0, risk.createdAt());
    assertEquals(1, risk.version());
  }

  @Test
  void find_isEmptyForAnUnknownIdOrAnotherRegister() {
    repo.create(risk("R-1"), created(risk("R-1"), T0));

    assertEquals(Optional.empty(), repo.find(RegisterKind.RISK, "R-2"));
    assertEquals(Optional.empty(), repo.find(RegisterKind.ISSUE, "R-1"));
    assertEquals(List.of(), repo.history(RegisterKind.RISK, "R-2"));
  }

  @Test
  void create_storesVersionOne_whateverTheRecordSays() {
    var r = atVersion(risk("R-1"), 7);

    repo.create(r, created(r, T0));

    assertEquals(1, repo.find(RegisterKind.RISK, "R-1").orElseThrow().version());
  }

  @Test
  void createTwice_isRefused_andTheFirstRecordAndItsHistoryStay() {
    var first = risk("R-1");
    repo.create(first, created(first, T0));
    var second = with(first, "title", "Another risk", "someone@acme.example", T0.plusSeconds(5));

    var e = assertThrows(IllegalStateException.class,
        () -> repo.create(second, created(second, T0.plusSeconds(5))));

    assertTrue(e.getMessage().contains("exists"), e.getMessage());
    assertEquals(Optional.of(first), repo.find(RegisterKind.RISK, "R-1"));
    assertEquals(List.of(created(first, T0)), repo.history(RegisterKind.RISK, "R-1"));
  }

  @Test
  void update_storesVersionPlusOne_keepsTheCreation_andAppendsToTheHistory() {
    var r = risk("R-1");
    repo.create(r, created(r, T0));
    var t1 = T0.plusSeconds(3600);
    var changed = with(r, "likelihood", 2L, "editor@acme.example", t1);
    // a caller that lost the creation: the store keeps its own
    var careless = new RegisterRecord(changed.kind(), changed.id(), changed.fields(),
        Map.of(), t1, "nobody", t1, "editor@acme.example", 1);

    var stored = repo.update(careless, edited(t1, "editor@acme.example", 2, "likelihood"));

    var expected = new RegisterRecord(RegisterKind.RISK, "R-1", changed.fields(), Map.of(), T0,
        MANAGER, t1, "editor@acme.example", 2);
    assertEquals(expected, stored);
    assertEquals(Optional.of(expected), repo.find(RegisterKind.RISK, "R-1"));
    assertEquals(List.of(created(r, T0), edited(t1, "editor@acme.example", 2, "likelihood")),
        repo.history(RegisterKind.RISK, "R-1"));
  }

  @Test
  void staleUpdate_isAConcurrentModification_andWritesNothing() {
    var r = risk("R-1");
    repo.create(r, created(r, T0));
    var t1 = T0.plusSeconds(10);
    var mine = repo.update(with(r, "impact", 2L, "alice@acme.example", t1),
        edited(t1, "alice@acme.example", 2, "impact"));
    var historyBefore = repo.history(RegisterKind.RISK, "R-1");

    // bob read version 1 before alice's edit
    var bobs = with(r, "title", "Bob's title", "bob@acme.example", t1.plusSeconds(1));
    assertThrows(ConcurrentModificationException.class, () -> repo.update(bobs,
        edited(t1.plusSeconds(1), "bob@acme.example", 2, "title")));

    assertEquals(Optional.of(mine), repo.find(RegisterKind.RISK, "R-1"));
    assertEquals(historyBefore, repo.history(RegisterKind.RISK, "R-1"));
    assertEquals(2, historyBefore.size());
    // and a change from a version not reached yet is refused just the same
    assertThrows(ConcurrentModificationException.class, () -> repo.update(atVersion(bobs, 5),
        edited(t1.plusSeconds(2), "bob@acme.example", 6, "title")));
    assertEquals(Optional.of(mine), repo.find(RegisterKind.RISK, "R-1"));
  }

  @Test
  void updateOfAnAbsentRecord_isNotFound_andWritesNothing() {
    var r = risk("R-404");

    assertThrows(NotFoundException.class,
        () -> repo.update(r, edited(T0, MANAGER, 2, "title")));

    assertEquals(Optional.empty(), repo.find(RegisterKind.RISK, "R-404"));
    assertEquals(List.of(), repo.history(RegisterKind.RISK, "R-404"));
  }

  @Test
  void history_isOldestFirst_entriesOfTheSameInstantInWriteOrder() {
    var r = task("TASK-1");
    repo.create(r, created(r, T0));
    var current = repo.find(RegisterKind.EVIDENCE_TASK, "TASK-1").orElseThrow();
    var expected = new java.util.ArrayList<RegisterEvent>();
    expected.add(created(r, T0));
    Instant[] times = {T0.plusSeconds(1), T0.plusSeconds(1), T0.plusSeconds(1),
        T0.plusSeconds(3600)};
    for (int i = 0; i < times.length; i++) {
      var event = new RegisterEvent(times[i], "owner-" + i + "@acme.example",
          i % 2 == 0 ? RegisterEvent.Kind.EVIDENCE_ATTACHED : RegisterEvent.Kind.EDITED,
          i == 3 ? List.of() : List.of("nextDue"), i == 1 ? null : "attached " + i,
          current.version() + 1);
      current = repo.update(with(current, "nextDue", "2028-0" + (i + 1) + "-01",
          "owner-" + i + "@acme.example", times[i]), event);
      expected.add(event);
    }

    var history = repo.history(RegisterKind.EVIDENCE_TASK, "TASK-1");

    assertEquals(expected, history);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), history.stream().map(RegisterEvent::version)
        .toList());
    assertEquals("", history.get(2).note(), "no note reads as empty");
    assertEquals(List.of(), history.get(4).fieldsChanged());
    assertEquals(5, current.version());
  }

  @Test
  void list_isPerRegisterByIdAndIdsSharingAPrefixStayApart() {
    for (var id : List.of("R-2", "R-10", "R-1", "R-1.1")) {
      var r = simple(RegisterKind.ISSUE, id, "issue " + id);
      repo.create(r, created(r, T0));
    }
    var r1 = risk("R-1");
    var r10 = risk("R-10");
    repo.create(r1, created(r1, T0));
    repo.create(r10, created(r10, T0));
    repo.update(with(r10, "impact", 1L, MANAGER, T0.plusSeconds(1)),
        edited(T0.plusSeconds(1), MANAGER, 2, "impact"));
    repo.create(method(), created(method(), T0));

    assertEquals(List.of("R-1", "R-1.1", "R-10", "R-2"), ids(repo.list(RegisterKind.ISSUE)));
    assertEquals(List.of("R-1", "R-10"), ids(repo.list(RegisterKind.RISK)));
    assertEquals(List.of("method"), ids(repo.list(RegisterKind.RISK_METHOD)),
        "RISK and RISK_METHOD are apart though one name begins the other");
    assertEquals(List.of(), repo.list(RegisterKind.POLICY));
    assertEquals(List.of(r1), repo.list(RegisterKind.RISK).subList(0, 1));
    assertEquals(1, repo.history(RegisterKind.RISK, "R-1").size(),
        "R-10's history is not R-1's");
    assertEquals(2, repo.history(RegisterKind.RISK, "R-10").size());
    assertEquals(1, repo.history(RegisterKind.ISSUE, "R-1").size());
    assertEquals(1, repo.history(RegisterKind.ISSUE, "R-1.1").size());
  }

  @Test
  void soaVersions_areImmutable_andTheLatestIsTheHighestNumber() {
    assertEquals(Optional.empty(), repo.latestSoaVersion());
    assertEquals(Optional.empty(), repo.soaVersion(1));
    var v1 = soa(1, "{\"controls\":[],\"kind\":\"vigil.statement-of-applicability\"}");
    var v2 = soa(2, "{\"kind\":\"vigil.statement-of-applicability\",\"note\":\"ünïcödé\"}");
    var v10 = soa(10, "{\"kind\":\"vigil.statement-of-applicability\",\"version\":10}");

    repo.saveSoaVersion(v1);
    assertEquals(Optional.of(v1), repo.latestSoaVersion());
    repo.saveSoaVersion(v2);
    repo.saveSoaVersion(v10);

    assertEquals(Optional.of(v10), repo.latestSoaVersion(), "10 is after 2 (not text order)");
    assertEquals(Optional.of(v1), repo.soaVersion(1));
    assertEquals(Optional.of(v2), repo.soaVersion(2));
    assertEquals(Optional.empty(), repo.soaVersion(3));
    var rewrite = soa(2, "{\"kind\":\"vigil.statement-of-applicability\",\"forged\":true}");
    var e = assertThrows(IllegalStateException.class, () -> repo.saveSoaVersion(rewrite));
    assertTrue(e.getMessage().contains("2"), e.getMessage());
    assertEquals(Optional.of(v2), repo.soaVersion(2), "an approved version never changes");
    assertEquals(Optional.of(v10), repo.latestSoaVersion());
  }

  @Test
  void notices_goOutOncePerKeyAndDay() {
    var day = LocalDate.of(2027, 3, 1);

    assertTrue(repo.markNotified("policy-review#POL-1", day));
    assertFalse(repo.markNotified("policy-review#POL-1", day), "a re-run of the sweep");
    assertTrue(repo.markNotified("policy-review#POL-1", day.plusDays(1)), "the next day");
    assertTrue(repo.markNotified("policy-review#POL-10", day), "another key");
    assertTrue(repo.markNotified("evidence-task#POL-1", day), "another kind of notice");
    assertFalse(repo.markNotified("policy-review#POL-10", day));
    repo.clearNotified("policy-review#POL-10", day);
    assertTrue(repo.markNotified("policy-review#POL-10", day), "released, so it can go again");
    assertFalse(repo.markNotified("policy-review#POL-1", day), "others stay marked");
  }

  public static SoaVersion soa(int number, String json) {
    return new SoaVersion(number, T0.plusSeconds(number), MANAGER,
        io.vigil.domain.evidence.Sha256.of(json).hex(), json);
  }

  private static List<String> ids(List<RegisterRecord> records) {
    return records.stream().map(RegisterRecord::id).toList();
  }
}
