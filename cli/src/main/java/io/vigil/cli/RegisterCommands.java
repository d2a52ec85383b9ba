package io.vigil.cli;

import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterService;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vigil registers}, {@code vigil risks} and {@code vigil evidence-tasks}: the ISMS
 * registers (clauses 4–7, the SoA decisions) through the records API's {@code /registers} routes,
 * as the person named by {@code --as}/{@code --role}. Each prints the API's JSON on standard
 * output and one line about the record on standard error; changes read the record's current
 * version first and send it as {@code If-Match} (unless {@code --if-match N} is given); a refusal
 * prints the problem and exits 1 with its detail on standard error; a bad option or input file is
 * a usage error (exit 2).
 */
final class RegisterCommands {

  private RegisterCommands() {}

  /** A register by its path ({@code risks}, {@code soa-decisions}), with the choices on error. */
  static final class KindConverter implements ITypeConverter<RegisterKind> {
    @Override
    public RegisterKind convert(String value) {
      return RegisterKind.fromPath(value.trim()).orElseThrow(() -> new TypeConversionException(
          "'" + value + "' is not a register; one of " + String.join(", ", new Kinds())));
    }
  }

  /** The register paths, for help and completion. */
  static final class Kinds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(RegisterKind.values()).map(RegisterKind::path).iterator();
    }
  }

  /** One line about a record: register, id, version, and what Vigil derived that matters most. */
  static String describe(Map<String, Object> record) {
    var line = new StringBuilder(record.get("kind") + " " + record.get("id"));
    if (record.get("version") == null) {
      return line.append(": the default (none recorded)").toString();
    }
    line.append(" (version ").append(record.get("version")).append(")");
    if (record.get("derived") instanceof Map<?, ?> d) {
      if (d.get("inherentLevel") != null) {
        line.append(": level ").append(d.get("inherentLevel")).append(" ")
            .append(d.get("inherentBand"));
        if (d.get("residualLevel") != null) {
          line.append(", residual ").append(d.get("residualLevel")).append(" ")
              .append(d.get("residualBand"));
        }
        line.append(Boolean.TRUE.equals(d.get("withinAcceptance")) ? ", within"
            : ", above").append(" the acceptance threshold");
        line.append(Boolean.TRUE.equals(d.get("treatmentApproved")) ? ", treatment approved"
            : "");
        line.append(Boolean.TRUE.equals(d.get("residualAccepted")) ? ", residual risk accepted"
            : "");
        if (Boolean.TRUE.equals(d.get("flagged"))) {
          line.append("; FLAGGED: failing evidence on ")
              .append(d.get("controlsWithFailingEvidence")).append(", open nonconformities on ")
              .append(d.get("controlsWithOpenNonconformities"));
        }
      }
      for (var key : List.of("status", "reviewStatus")) {
        if (d.get(key) != null) {
          line.append(", ").append(key).append(" ").append(d.get(key));
        }
      }
    }
    if (record.get("fields") instanceof Map<?, ?> f && f.get("nextDue") != null) {
      line.append(", next due ").append(f.get("nextDue"));
    }
    return line.toString();
  }

  /** A command about one record: prints the line of {@link #describe}. */
  abstract static class RecordCommand extends ApiCommand.JsonCommand {
    @Override
    String summary(FindingsSession.Response response) {
      return describe(response.body());
    }
  }

  /**
   * A change of one record, sent with the version read first or the one {@code --if-match}
   * names.
   */
  abstract static class RecordChange extends RecordCommand {
    @Option(names = "--if-match", paramLabel = "VERSION",
        description = "The version you read (default: read the record first).") Long ifMatch;

    /** The register and record changed. */
    abstract String recordPath();

    /** The change to send (without If-Match). */
    abstract HttpApiEvent request();

    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      var read = ifMatch != null ? Read.given(ifMatch) : currentEtag(session, as, recordPath());
      if (read.failure() != null) {
        return read.failure();
      }
      return session.call(as.apply(request().header("if-match", read.etag())));
    }
  }

  /** A record's fields: from a JSON file, or field by field. */
  static final class Input {
    @Option(names = "--file", paramLabel = "JSON", required = true,
        description = "A JSON file: an object of fields (create: also an array of them, created"
            + " in order).") Path file;
    @Option(names = "--set", paramLabel = "FIELD=VALUE", required = true,
        description = "One field (repeatable). VALUE is read as JSON when it is JSON (3, true,"
            + " null, [\"A.8.24\"], \"3.0\"), else as text; null clears a field (update).")
    List<String> sets;

    /** The bodies given: one object, or (a file with an array) several. */
    List<Map<String, Object>> bodies(picocli.CommandLine cmd) {
      if (sets != null) {
        var body = new LinkedHashMap<String, Object>();
        for (var s : sets) {
          int eq = s.indexOf('=');
          if (eq < 1) {
            throw new ParameterException(cmd, "--set '" + s + "': expected FIELD=VALUE");
          }
          var name = s.substring(0, eq).trim();
          if (body.containsKey(name)) {
            throw new ParameterException(cmd, "--set " + name + " is given twice");
          }
          body.put(name, value(s.substring(eq + 1)));
        }
        return List.of(body);
      }
      Object tree;
      try {
        tree = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        throw new ParameterException(cmd, "--file " + file + ": no such file");
      } catch (IOException e) {
        throw new ParameterException(cmd, "--file " + file + ": not JSON: " + e.getMessage());
      }
      var items = tree instanceof List<?> list ? list : List.of(tree);
      var bodies = new ArrayList<Map<String, Object>>();
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> m)) {
          throw new ParameterException(cmd, "--file " + file + ": "
              + (tree instanceof List ? "element " + i + " is" : "it is") + " not a JSON object");
        }
        var body = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> body.put(String.valueOf(k), v));
        bodies.add(body);
      }
      if (bodies.isEmpty()) {
        throw new ParameterException(cmd, "--file " + file + ": the array is empty");
      }
      return bodies;
    }

    /** JSON when the text is JSON, else the text itself. */
    static Object value(String text) {
      try {
        return Json.parse(text);
      } catch (IOException e) {
        return text;
      }
    }
  }

  // ---- vigil registers

  @Command(
      name = "registers",
      mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "The ISMS registers (clauses 4-7): scope, issues, parties, policies, roles, risks,"
          + " objectives, competences, documents, evidence tasks, SoA decisions.",
      description = {
          "Runs the findings-api function in-process as the person named by --as and --role",
          "(default: $VIGIL_ACTOR, $VIGIL_ROLE). Every role reads; the ISMS manager creates and",
          "edits. 'kinds' lists the registers and their fields; 'list', 'show' read; 'create' and",
          "'update' take the fields from --file JSON or --set FIELD=VALUE (VALUE is JSON when it",
          "parses as JSON, else text). Records print as {kind, id, fields, derived, system,",
          "createdAt, createdBy, updatedAt, updatedBy, version}; a refusal prints the problem and",
          "exits 1. Risk approval: 'vigil risks'; evidence: 'vigil evidence-tasks'; the SoA:",
          "'vigil soa'.",
          ""},
      subcommands = {RegisterCommands.KindsCommand.class, RegisterCommands.ListRecords.class,
          RegisterCommands.Show.class, RegisterCommands.Create.class,
          RegisterCommands.Update.class},
      footerHeading = "%nExamples:%n",
      footer = {
          "  export VIGIL_ACTOR=isms@acme.example VIGIL_ROLE=isms-manager",
          "  vigil registers kinds",
          "  vigil registers create risks --set title='Ransomware' --set asset='Customer DB' \\",
          "      --set threat=Ransomware --set vulnerability='Backups in the same account' \\",
          "      --set owner=cto@acme.example --set likelihood=4 --set impact=5 \\",
          "      --set treatment=MODIFY --set controls='[\"A.8.13\",\"A.8.24\"]'",
          "  vigil registers update risks R-1a2b3c4d --set residualLikelihood=1 \\",
          "      --set residualImpact=4",
          "  vigil registers create soa-decisions --file events/registers/soa-decisions.json",
          "  vigil registers create scope --file events/registers/scope.json",
          "  vigil registers list risks --as auditor@acme.example --role auditor",
          "  vigil registers show risks R-1a2b3c4d --history"})
  static final class Registers extends CommandGroup {}

  @Command(name = "kinds", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "List the registers, the clause each serves, and their fields.",
      description = {"List the registers (GET /registers): path, clause, title, how records are",
          "identified, and each field with its type, whether it is required and its values.",
          "A table by default; --format json prints the API's answer."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil registers kinds --as me@acme.example --role viewer",
          "  vigil registers kinds --format json | jq '.items[] | select(.path==\"risks\")'"})
  static final class KindsCommand extends ApiCommand {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table (default) or json.") String format;

    @Override
    int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      if (!format.equals("table") && !format.equals("json")) {
        throw new ParameterException(spec.commandLine(), "--format: '" + format
            + "' is not one of table, json");
      }
      var response = session.call(as.apply(HttpApiEvent.request("GET", "/registers")));
      if (!response.ok() || format.equals("json")) {
        return print(response);
      }
      var out = spec.commandLine().getOut();
      for (var item : (List<?>) response.body().get("items")) {
        var k = (Map<?, ?>) item;
        var ids = Boolean.TRUE.equals(k.get("singleton")) ? "one record"
            : Boolean.TRUE.equals(k.get("keyed")) ? "keyed by --id (an Annex A control)"
            : "ids " + k.get("idPrefix") + "-...";
        out.printf("%-20s %-8s %s (%s)%n", k.get("path"), k.get("clause"), k.get("title"), ids);
        for (var f : (List<?>) k.get("fields")) {
          var field = (Map<?, ?>) f;
          var type = String.valueOf(field.get("type")).replace('_', ' ');
          if (field.get("values") != null) {
            type = ((List<?>) field.get("values")).stream().map(String::valueOf)
                .collect(Collectors.joining("|"));
          }
          out.printf("    %-22s %-9s %s%s%n", field.get("name"),
              Boolean.TRUE.equals(field.get("required")) ? "required" : "", type,
              field.get("help") == null ? "" : "  -- " + field.get("help"));
        }
      }
      out.flush();
      return VigilCli.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "List the records of a register, with what Vigil derives for them.",
      description = {"List the records of a register (GET /registers/{kind}): {items: [record]}.",
          "Risks show their levels and flags, policies their review status, evidence tasks",
          "whether they are due; the risk method is the default while none is recorded."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil registers list risks --as me@acme.example --role viewer",
          "  vigil registers list risk-method"})
  static final class ListRecords extends ApiCommand.JsonCommand {
    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
        completionCandidates = Kinds.class, description = "The register: ${COMPLETION-CANDIDATES}.")
    RegisterKind kind;

    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/registers/" + kind.path())));
    }

    @Override
    String summary(FindingsSession.Response response) {
      var items = (List<?>) response.body().get("items");
      return items.size() + " " + kind.path() + " record(s)";
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Show a record, or its history.",
      description = {"Show a record with what Vigil derives for it (GET /registers/{kind}/{id}),",
          "or with --history every change of it, oldest first: who, when, what, fields changed."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil registers show risks R-1a2b3c4d --as me@acme.example --role viewer",
          "  vigil registers show scope isms",
          "  vigil registers show soa-decisions A.7.1 --history"})
  static final class Show extends RecordCommand {
    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
        completionCandidates = Kinds.class, description = "The register: ${COMPLETION-CANDIDATES}.")
    RegisterKind kind;
    @Parameters(index = "1", paramLabel = "ID",
        description = "The record: R-..., the control of an SoA decision, 'isms' (scope),"
            + " 'method' (risk method).") String id;
    @Option(names = "--history", description = "Print its history instead.") boolean history;

    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/registers/" + kind.path() + "/"
          + id + (history ? "/history" : ""))));
    }

    @Override
    String summary(FindingsSession.Response response) {
      return history ? ((List<?>) response.body().get("items")).size() + " change(s) of "
          + kind.path() + " " + id : super.summary(response);
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Create a record (the ISMS manager).",
      description = {"Create a record (POST /registers/{kind}) from --file JSON or --set",
          "FIELD=VALUE. Ids are generated (R-..., POL-...), except for the scope ('isms'), the",
          "risk method ('method') and SoA decisions, keyed by their control: --id A.7.1 (or \"id\"",
          "in the JSON). A file holding an array creates each object in order and stops at the",
          "first refusal (those before it stay created); it prints {items: [record]}.",
          "Unknown fields, wrong types and missing required fields are refused naming the field."},
      footerHeading = "%nExamples:%n",
      footer = {
          "  vigil registers create policies --set title='Information security policy' \\",
          "      --set owner=ciso@acme.example --set approvedOn=2026-03-02 \\",
          "      --set reviewIntervalMonths=12 --set version='\"3.0\"'",
          "  vigil registers create soa-decisions --id A.7.1 --set applicable=false \\",
          "      --set justification='Cloud-only: no premises of our own'",
          "  vigil registers create risks --file events/registers/risks.json"})
  static final class Create extends ApiCommand {
    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
        completionCandidates = Kinds.class, description = "The register: ${COMPLETION-CANDIDATES}.")
    RegisterKind kind;
    @Option(names = "--id", paramLabel = "ID",
        description = "The id of an SoA decision (its control, e.g. A.8.24).") String id;
    @ArgGroup(exclusive = true, multiplicity = "1") Input input;

    private List<Map<String, Object>> bodies;

    @Override
    void prepare() {
      bodies = input.bodies(spec.commandLine());
      if (id != null) {
        if (bodies.size() != 1) {
          throw new ParameterException(spec.commandLine(), "--id names one record; the file"
              + " holds " + bodies.size() + " (give each its \"id\")");
        }
        bodies.get(0).put("id", id);
      }
    }

    @Override
    int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      var created = new ArrayList<Object>();
      for (var body : bodies) {
        var response = session.call(as.apply(HttpApiEvent.request("POST", "/registers/"
            + kind.path()).body(Json.write(body))));
        if (!response.ok()) {
          if (!created.isEmpty()) {
            root().progress().step(created.size() + " of " + bodies.size() + " " + kind.path()
                + " record(s) created before this refusal");
          }
          return print(response);
        }
        if (bodies.size() == 1) {
          return print(response);
        }
        created.add(response.body());
      }
      var out = spec.commandLine().getOut();
      out.println(Json.write(Map.of("items", created)));
      out.flush();
      root().progress().step("created " + created.size() + " " + kind.path() + " record(s)");
      return VigilCli.OK;
    }

    @Override
    String summary(FindingsSession.Response response) {
      return "created " + describe(response.body());
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Change fields of a record (the ISMS manager).",
      description = {"Change fields of a record (PATCH /registers/{kind}/{id}) from --file JSON",
          "(an object of the fields to change) or --set FIELD=VALUE; null clears a field. It",
          "sends the version it reads first (or --if-match N). A change of a risk's assessment",
          "or treatment withdraws its owner's approval and acceptance."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil registers update risks R-1a2b3c4d --set impact=3 --set treatmentPlan=null",
          "  vigil registers update soa-decisions A.7.1 --set applicable=true \\",
          "      --set justification='We opened an office' --if-match 2"})
  static final class Update extends RecordChange {
    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
        completionCandidates = Kinds.class, description = "The register: ${COMPLETION-CANDIDATES}.")
    RegisterKind kind;
    @Parameters(index = "1", paramLabel = "ID", description = "The record.") String id;
    @ArgGroup(exclusive = true, multiplicity = "1") Input input;

    private Map<String, Object> changes;

    @Override
    void prepare() {
      var bodies = input.bodies(spec.commandLine());
      if (bodies.size() != 1) {
        throw new ParameterException(spec.commandLine(), "--file " + input.file
            + ": update takes one object of the fields to change, not an array");
      }
      changes = bodies.get(0);
    }

    @Override
    String recordPath() {
      return "/registers/" + kind.path() + "/" + id;
    }

    @Override
    HttpApiEvent request() {
      return HttpApiEvent.request("PATCH", recordPath()).body(Json.write(changes));
    }
  }

  // ---- vigil risks

  @Command(
      name = "risks",
      mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Risk treatment (6.1.3 f): the risk owner approves the treatment plan and accepts"
          + " the residual risk.",
      description = {
          "Only the risk's owner (its 'owner' field: their e-mail or subject) may, through the",
          "records API as --as/--role (default $VIGIL_ACTOR, $VIGIL_ROLE); who and when are",
          "recorded, and the acceptance records the level accepted and whether it met the",
          "acceptance threshold. A later change of the risk's assessment or treatment withdraws",
          "both. Create and edit risks with 'vigil registers ... risks'.",
          ""},
      subcommands = {RegisterCommands.ApproveTreatment.class,
          RegisterCommands.AcceptResidual.class},
      footerHeading = "%nExamples:%n",
      footer = {
          "  vigil risks approve-treatment R-1a2b3c4d --as cto@acme.example --role owner",
          "  vigil risks accept-residual R-1a2b3c4d --as cto@acme.example --role owner"})
  static final class Risks extends CommandGroup {}

  /** A step of a risk's treatment by its owner. */
  abstract static class RiskStep extends RecordChange {
    @Parameters(index = "0", paramLabel = "ID", description = "The risk, R-...") String id;

    /** approve-treatment or accept-residual. */
    abstract String step();

    @Override
    String recordPath() {
      return "/registers/risks/" + id;
    }

    @Override
    HttpApiEvent request() {
      return HttpApiEvent.request("POST", recordPath() + "/" + step());
    }
  }

  @Command(name = "approve-treatment", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Approve a risk's treatment plan (its owner).",
      description = {"Approve the risk treatment plan of a risk you own",
          "(POST /registers/risks/{id}/approve-treatment). The risk needs a treatment option."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil risks approve-treatment R-1a2b3c4d --as cto@acme.example --role owner"})
  static final class ApproveTreatment extends RiskStep {
    @Override
    String step() {
      return "approve-treatment";
    }
  }

  @Command(name = "accept-residual", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Accept a risk's residual risk (its owner, after approving the treatment).",
      description = {"Accept the residual risk of a risk you own",
          "(POST /registers/risks/{id}/accept-residual), after approving its treatment."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil risks accept-residual R-1a2b3c4d --as cto@acme.example --role owner"})
  static final class AcceptResidual extends RiskStep {
    @Override
    String step() {
      return "accept-residual";
    }
  }

  // ---- vigil evidence-tasks

  @Command(
      name = "evidence-tasks",
      mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Manual evidence tasks: attach the evidence of controls without automated checks.",
      description = {
          "The task's owner (or the ISMS manager) attaches a file, stored content-addressed in",
          "the evidence bucket, or a reference to evidence kept elsewhere; the task's next due",
          "date moves on by its frequency. Create tasks with 'vigil registers create",
          "evidence-tasks'; an overdue task shows on the SoA.",
          ""},
      subcommands = {RegisterCommands.Attach.class},
      footerHeading = "%nExamples:%n",
      footer = {
          "  vigil evidence-tasks attach TASK-1a2b3c4d --file training-2026.pdf \\",
          "      --note 'All staff completed' --as carol@acme.example --role owner",
          "  vigil evidence-tasks attach TASK-1a2b3c4d --reference 'SharePoint ISMS/Training'"})
  static final class EvidenceTasks extends CommandGroup {}

  /** A file to attach, or a reference. */
  static final class Evidence {
    @Option(names = "--file", paramLabel = "PATH", required = true,
        description = "The evidence file (up to 4 MiB), stored in the evidence bucket.")
    Path file;
    @Option(names = "--reference", paramLabel = "TEXT", required = true,
        description = "Where the evidence is kept instead (a document reference, a URL).")
    String reference;
  }

  @Command(name = "attach", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Attach evidence to a manual evidence task (its owner or the ISMS manager).",
      description = {"Attach a file or a reference to an evidence task",
          "(POST /registers/evidence-tasks/{id}/attachments); its next due date moves on by",
          "its frequency. A file is sent base64-encoded and stored in the evidence bucket under",
          "its SHA-256 (evidenceSha256 in the task's attachments)."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil evidence-tasks attach TASK-1a2b3c4d --file report.pdf \\",
          "      --note 'H2 completion report' --as carol@acme.example --role owner",
          "  vigil evidence-tasks attach TASK-1a2b3c4d --reference 'LMS export 2026-H2'"})
  static final class Attach extends RecordChange {
    @Parameters(index = "0", paramLabel = "ID", description = "The task, TASK-...") String id;
    @ArgGroup(exclusive = true, multiplicity = "1") Evidence evidence;
    @Option(names = "--media-type", paramLabel = "TYPE",
        description = "The file's media type (default: guessed from its name, else"
            + " application/octet-stream).") String mediaType;
    @Option(names = "--note", paramLabel = "TEXT", description = "A note on the evidence.")
    String note;

    private Map<String, Object> body;

    @Override
    void prepare() {
      body = body();
    }

    private Map<String, Object> body() {
      var b = new LinkedHashMap<String, Object>();
      if (evidence.reference != null) {
        if (mediaType != null) {
          throw new ParameterException(spec.commandLine(), "--media-type describes a --file");
        }
        b.put("reference", evidence.reference);
      } else {
        var file = evidence.file;
        byte[] content;
        try {
          if (Files.size(file) > RegisterService.MAX_ATTACHMENT_BYTES) {
            throw new CommandFailure(file + " has " + Files.size(file) + " bytes; the limit is "
                + RegisterService.MAX_ATTACHMENT_BYTES + ": store it elsewhere and attach a"
                + " --reference");
          }
          content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
          throw new ParameterException(spec.commandLine(), "--file " + file + ": no such file");
        } catch (IOException e) {
          throw new CommandFailure("cannot read " + file + ": " + Failures.describe(e), e);
        }
        b.put("fileName", file.getFileName().toString());
        var type = mediaType;
        if (type == null) {
          try {
            type = Files.probeContentType(file);
          } catch (IOException e) {
            type = null;
          }
        }
        b.put("mediaType", type == null ? "application/octet-stream" : type);
        b.put("contentBase64", Base64.getEncoder().encodeToString(content));
      }
      ApiCommand.putIf(b, "note", note);
      return b;
    }

    @Override
    String recordPath() {
      return "/registers/evidence-tasks/" + id;
    }

    @Override
    HttpApiEvent request() {
      return HttpApiEvent.request("POST", recordPath() + "/attachments").body(Json.write(body));
    }

    @Override
    String summary(FindingsSession.Response response) {
      var system = (Map<?, ?>) response.body().get("system");
      var attachments = (List<?>) system.get("attachments");
      var last = (Map<?, ?>) attachments.get(attachments.size() - 1);
      return "attached " + (last.get("evidenceSha256") != null ? "file " + last.get("fileName")
          + " as sha256 " + last.get("evidenceSha256") : "reference") + "; "
          + describe(response.body());
    }
  }
}
