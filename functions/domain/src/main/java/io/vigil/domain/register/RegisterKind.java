package io.vigil.domain.register;

import static io.vigil.domain.register.Field.bool;
import static io.vigil.domain.register.Field.controls;
import static io.vigil.domain.register.Field.date;
import static io.vigil.domain.register.Field.integer;
import static io.vigil.domain.register.Field.number;
import static io.vigil.domain.register.Field.objects;
import static io.vigil.domain.register.Field.oneOf;
import static io.vigil.domain.register.Field.text;
import static io.vigil.domain.register.Field.texts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ISMS registers (clauses 4–7 and the Statement of Applicability), each with the clause it
 * serves, its path in the records API ({@code /registers/<path>}) and the fields of its records.
 * Singleton registers hold one record with a fixed id; keyed registers take the id from the caller
 * (an SoA decision is keyed by its control id); the others get generated ids with their prefix.
 */
public enum RegisterKind {

  SCOPE("scope", "4.3", "ISMS scope", Ids.singleton("isms"), new Schema(List.of(
      text("description", true, "what the ISMS covers: organisation, services, locations"),
      texts("accounts", false, "AWS account ids in scope (12 digits); the collector reads them"),
      texts("regions", false, "AWS regions in scope; the collector reads them"),
      objects("workloadTags", false, List.of(text("key", true, "tag key"),
          text("value", true, "tag value"), text("description", false, "")),
          "workloads in scope, by resource tag"),
      objects("exclusions", false, List.of(text("item", true, "what is excluded"),
          text("justification", true, "why the exclusion does not affect the ISMS")),
          "exclusions, each with its justification"),
      text("interfaces", false, "interfaces and dependencies with activities of others (4.3 c)")))),

  ISSUE("issues", "4.1", "Internal and external issues", Ids.generated("ISS"),
      new Schema(List.of(
          text("title", true, ""),
          oneOf("type", true, List.of("INTERNAL", "EXTERNAL"), ""),
          text("description", false, ""),
          text("effect", false, "how it affects the ISMS's intended outcomes"),
          oneOf("status", false, List.of("ACTIVE", "MONITORED", "CLOSED"), "default ACTIVE"),
          date("reviewedOn", false, "")))),

  INTERESTED_PARTY("interested-parties", "4.2", "Interested parties and their requirements",
      Ids.generated("IP"), new Schema(List.of(
          text("name", true, ""),
          texts("requirements", true, "their relevant requirements"),
          text("addressedBy", false, "which requirements the ISMS addresses, and how"),
          date("reviewedOn", false, ""),
          objects("feedback", false, List.of(date("date", true, ""),
              text("summary", true, "")), "feedback received (management review input 9.3.2 e)")))),

  POLICY("policies", "5.2", "Policies", Ids.generated("POL"), new Schema(List.of(
      text("title", true, ""),
      text("owner", true, "person who owns the policy"),
      text("version", false, ""),
      text("approvedBy", false, ""),
      date("approvedOn", true, "date of the approval in force"),
      integer("reviewIntervalMonths", true, "months between reviews"),
      text("document", false, "reference of the policy document"),
      oneOf("status", false, List.of("DRAFT", "APPROVED", "RETIRED"), "default APPROVED")))),

  ROLE("roles", "5.3", "Roles, responsibilities and authorities", Ids.generated("ROLE"),
      new Schema(List.of(
          text("name", true, ""),
          text("responsibilities", true, ""),
          texts("holders", false, "people holding the role"),
          controls("controls", false, "Annex A controls this role owns"),
          text("authority", false, "")))),

  RISK_METHOD("risk-method", "6.1.2", "Risk assessment method", Ids.singleton("method"),
      new Schema(List.of(
          texts("likelihoodScale", true, "labels of likelihood 1..n, lowest first"),
          texts("impactScale", true, "labels of impact 1..n, lowest first"),
          objects("bands", true, List.of(text("name", true, ""),
              integer("minLevel", true, "lowest level (likelihood × impact) of the band")),
              "risk levels bands, e.g. low from 1, medium from 5"),
          integer("acceptanceThreshold", true,
              "highest level that may be accepted without treatment (risk acceptance criterion)")))),

  RISK("risks", "6.1.2", "Risk register and treatment", Ids.generated("R"), new Schema(List.of(
      text("title", true, ""),
      text("asset", true, "asset or process at risk"),
      text("threat", true, ""),
      text("vulnerability", true, ""),
      text("owner", true, "risk owner: approves the treatment and accepts the residual risk"),
      integer("likelihood", true, "1..n of the method's likelihood scale"),
      integer("impact", true, "1..n of the method's impact scale"),
      oneOf("treatment", false, List.of("MODIFY", "RETAIN", "AVOID", "SHARE"),
          "risk treatment option (6.1.3 a)"),
      controls("controls", false, "Annex A controls of the treatment (6.1.3 b, c)"),
      text("treatmentPlan", false, "the risk treatment plan (6.1.3 e)"),
      objects("actions", false, List.of(text("description", true, ""),
          text("owner", true, ""), date("dueDate", false, ""),
          oneOf("status", false, List.of("PLANNED", "IN_PROGRESS", "DONE"), "default PLANNED")),
          "actions of the treatment plan"),
      integer("residualLikelihood", false, "after treatment"),
      integer("residualImpact", false, "after treatment")))),

  OBJECTIVE("objectives", "6.2", "Information security objectives", Ids.generated("OBJ"),
      new Schema(List.of(
          text("title", true, ""),
          text("kpi", false, "the KPI that measures it (see KpiSource.KPIS); absent: measured by"
              + " hand"),
          number("target", true, ""),
          oneOf("direction", true, List.of("AT_LEAST", "AT_MOST"), "attained when the measure is"
              + " at least / at most the target"),
          text("unit", false, ""),
          text("owner", true, ""),
          date("dueDate", true, ""),
          text("plan", false, "what will be done, with what resources (6.2 f-j)"),
          objects("measurements", false, List.of(date("date", true, ""),
              number("value", true, ""), text("note", false, "")), "manual measurements")))),

  COMPETENCE("competences", "7.2", "Required competences per role", Ids.generated("COMP"),
      new Schema(List.of(
          text("role", true, ""),
          text("competence", true, ""),
          text("description", false, "")))),

  COMPETENCE_EVIDENCE("competence-evidence", "7.2", "Evidence of competence",
      Ids.generated("CE"), new Schema(List.of(
          text("person", true, ""),
          text("competence", true, ""),
          oneOf("kind", true, List.of("TRAINING", "CERTIFICATION", "EDUCATION", "EXPERIENCE"), ""),
          date("obtainedOn", true, ""),
          date("expiresOn", false, ""),
          text("reference", false, "certificate number, course, document")))),

  AWARENESS("awareness", "7.3", "Awareness training", Ids.generated("AW"), new Schema(List.of(
      text("person", true, ""),
      text("course", true, ""),
      date("dueDate", false, ""),
      date("completedOn", false, "")))),

  COMMUNICATION("communications", "7.4", "Communication plan", Ids.generated("COM"),
      new Schema(List.of(
          text("what", true, ""),
          text("when", true, ""),
          text("withWhom", true, ""),
          text("who", true, ""),
          text("how", false, "")))),

  DOCUMENT("documents", "7.5", "Documented information", Ids.generated("DOC"),
      new Schema(List.of(
          text("title", true, ""),
          text("owner", true, ""),
          text("version", true, ""),
          text("approvedBy", false, ""),
          date("approvedOn", false, ""),
          date("reviewDate", false, ""),
          text("retention", true, "how long it is kept"),
          text("location", false, "where it lives when not in the evidence vault")))),

  EVIDENCE_TASK("evidence-tasks", "9.1", "Manual evidence tasks", Ids.generated("TASK"),
      new Schema(List.of(
          controls("controls", true, "the Annex A controls the evidence shows"),
          text("title", true, "what evidence to attach"),
          text("owner", true, ""),
          integer("frequencyMonths", true, "how often"),
          date("nextDue", true, "")))),

  MANAGEMENT_REVIEW("management-reviews", "9.3", "Management reviews", Ids.generated("MR"),
      new Schema(List.of(
          text("period", true, "the period reviewed, e.g. 2026-Q4 or 2026-11"),
          date("date", true, "when the review took place"),
          texts("attendees", false, "top management present"),
          objects("decisions", false, List.of(text("decision", true, "9.3.3: improvement"
              + " opportunities and needs for change"), text("owner", true, ""),
              date("dueDate", false, ""),
              oneOf("status", false, List.of("OPEN", "DONE", "CANCELLED"), "default OPEN")),
              "decisions, reported under 9.3.2 a) at the next review"),
          text("notes", false, "")))),

  SOA_DECISION("soa-decisions", "6.1.3 d", "Statement of Applicability decisions",
      Ids.keyed(), new Schema(List.of(
          bool("applicable", true, ""),
          text("justification", true, "why it is included or excluded"),
          text("implementation", false, "how it is implemented")))),
  ;

  /** How the ids of a register are made. */
  public record Ids(String singleton, String prefix) {
    static Ids singleton(String id) {
      return new Ids(id, null);
    }

    static Ids generated(String prefix) {
      return new Ids(null, prefix);
    }

    static Ids keyed() {
      return new Ids(null, null);
    }
  }

  private final String path;
  private final String clause;
  private final String title;
  private final Ids ids;
  private final Schema schema;

  RegisterKind(String path, String clause, String title, Ids ids, Schema schema) {
    this.path = path;
    this.clause = clause;
    this.title = title;
    this.ids = ids;
    this.schema = schema;
  }

  /** Its path in the API and the CLI: {@code risks}, {@code soa-decisions}. */
  public String path() {
    return path;
  }

  public String clause() {
    return clause;
  }

  public String title() {
    return title;
  }

  public Ids ids() {
    return ids;
  }

  public Schema schema() {
    return schema;
  }

  public boolean singleton() {
    return ids.singleton() != null;
  }

  public static Optional<RegisterKind> fromPath(String path) {
    var p = path == null ? "" : path.toLowerCase(Locale.ROOT);
    for (var k : values()) {
      if (k.path.equals(p)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
