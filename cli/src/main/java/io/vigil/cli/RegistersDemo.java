package io.vigil.cli;

import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterService;
import io.vigil.domain.register.SoaExport;
import io.vigil.domain.register.SoaService;
import io.vigil.functions.findingsapi.FindingsApiComponents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's sample organisation in the ISMS registers, recorded through the findings-api
 * function's {@link RegisterService} as its ISMS manager: the scope (the demo's account and
 * region), a policy, five risks with their treatments (each approved by its owner, the residual
 * risk accepted where it meets the threshold), a manual evidence task and a decision with its
 * justification for each of the 93 Annex A controls — the files of {@code events/registers/},
 * bundled into the CLI ({@link #seed}). After the collection ({@link #report}) it prints the
 * risks as the evidence left them (flagged where their controls have failing evidence), approves
 * the SoA as a version and prints its summary, version and SHA-256.
 */
final class RegistersDemo {

  static final String HEADING = "ISMS registers of the sample organisation";
  static final Actor MANAGER = new Actor("alice@acme.example", "alice@acme.example",
      Set.of(Role.ISMS_MANAGER));

  private RegistersDemo() {}

  /**
   * Records the sample organisation through the function's {@link RegisterService}, unless the
   * registers hold a scope already (an endpoint the demo ran against before).
   */
  static void seed(FindingsApiComponents app, String account, String region, LocalDate today,
      ConsoleProgress progress) {
    var registers = app.registers();
    if (registers.list(RegisterKind.SCOPE, MANAGER).isEmpty()) {
      seed(registers, account, region, today, progress);
    } else {
      progress.step("  the registers hold a scope already: leaving them as they are");
    }
  }

  /** Prints the risks as the evidence flags them, and approves and summarises the SoA. */
  static void report(PrintWriter out, FindingsApiComponents app, ConsoleProgress progress) {
    out.println();
    out.println(HEADING);
    printRisks(out, app.registers());
    approveSoa(out, app.soa(), progress);
  }

  private static void seed(RegisterService registers, String account, String region,
      LocalDate today, ConsoleProgress progress) {
    var scope = object("scope.json");
    scope.put("accounts", List.of(account));
    scope.put("regions", List.of(region));
    registers.create(RegisterKind.SCOPE, null, scope, MANAGER);
    for (var policy : objects("policies.json")) {
      registers.create(RegisterKind.POLICY, null, policy, MANAGER);
    }
    for (var task : objects("evidence-tasks.json")) {
      // due in two months whenever the demo runs
      task.put("nextDue", today.plusMonths(2).toString());
      registers.create(RegisterKind.EVIDENCE_TASK, null, task, MANAGER);
    }
    progress.step("  recorded the scope, the policies and the evidence tasks");
    for (var decision : objects("soa-decisions.json")) {
      var id = (String) decision.remove("id");
      registers.create(RegisterKind.SOA_DECISION, id, decision, MANAGER);
    }
    progress.step("  recorded the SoA decisions");
    for (var fields : objects("risks.json")) {
      var risk = registers.create(RegisterKind.RISK, null, fields, MANAGER).record();
      var owner = new Actor(risk.text("owner").orElseThrow(), risk.text("owner").orElseThrow(),
          Set.of(Role.OWNER));
      var approved = registers.approveTreatment(risk.id(), risk.version(), owner);
      if (Boolean.TRUE.equals(approved.derived().get("withinAcceptance"))) {
        registers.acceptResidual(risk.id(), approved.record().version(), owner);
      }
    }
    progress.step("  recorded the risks, their treatments approved by their owners");
  }

  @SuppressWarnings("unchecked")
  private static void printRisks(PrintWriter out, RegisterService registers) {
    var method = registers.riskMethod();
    var risks = registers.list(RegisterKind.RISK, MANAGER);
    out.println("  " + risks.size() + " risks (method " + method.likelihoodScale().size() + " × "
        + method.impactScale().size() + ", acceptance threshold " + method.acceptanceThreshold()
        + "):");
    for (var v : risks) {
      var d = v.derived();
      var level = d.get("inherentLevel") + " " + d.get("inherentBand")
          + (d.get("residualLevel") == null ? ""
              : " -> " + d.get("residualLevel") + " " + d.get("residualBand"));
      var state = Boolean.TRUE.equals(d.get("residualAccepted")) ? "accepted"
          : Boolean.TRUE.equals(d.get("treatmentApproved")) ? "approved" : "open";
      var failing = (List<String>) d.get("controlsWithFailingEvidence");
      out.printf("  %-12s %-22s %-9s %s%n", v.record().id(), level, state,
          v.record().text("title").orElse(""));
      if (!failing.isEmpty()) {
        out.println("  " + " ".repeat(12) + " FLAGGED: failing evidence on "
            + String.join(", ", failing));
      }
    }
    out.flush();
  }

  private static void approveSoa(PrintWriter out, SoaService soa, ConsoleProgress progress) {
    var version = soa.approve(MANAGER);
    progress.step("  approved the Statement of Applicability");
    var approved = SoaService.parse(version);
    out.println();
    out.println("Statement of Applicability");
    out.println("  " + SoaExport.summaryLine(approved));
    out.println("  approved as version " + version.number() + " by " + version.approvedBy()
        + " at " + version.approvedAt() + ", sha256 " + version.sha256());
    out.println("  see 'vigil soa show', 'vigil soa export --format html --version "
        + version.number() + "'");
    out.flush();
  }

  /** A bundled sample file holding one object. */
  private static Map<String, Object> object(String name) {
    return cast(read(name), name);
  }

  /** A bundled sample file holding an array of objects. */
  private static List<Map<String, Object>> objects(String name) {
    var out = new ArrayList<Map<String, Object>>();
    for (var item : (List<?>) read(name)) {
      out.add(cast(item, name));
    }
    return out;
  }

  private static Map<String, Object> cast(Object tree, String name) {
    if (!(tree instanceof Map<?, ?> map)) {
      throw new IllegalStateException("the sample file " + name + " holds no JSON object");
    }
    var out = new LinkedHashMap<String, Object>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static Object read(String name) {
    try (var in = RegistersDemo.class.getResourceAsStream("registers/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the sample file " + name + " is not in the CLI");
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
