package io.vigil.cli;

import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.Conclusion;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The audit-record subcommands of {@code vigil audits} (clause 9.2.2): list, show, start,
 * conclude, complete, cancel and report, through the records API's {@code /audits} routes as the
 * person named by {@code --as}/{@code --role}. Every change reads the audit's current version
 * first and sends it as {@code If-Match} (unless {@code --if-match N} is given), prints the audit
 * as JSON on standard output and one line about it on standard error; a refusal prints the
 * problem and exits 1 with its detail on standard error.
 */
final class AuditRecordCommands {

  private AuditRecordCommands() {}

  /** Enum names in any case, with the choices in the error. */
  abstract static class Named<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    Named(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      try {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not one of "
            + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
      }
    }
  }

  static final class ConclusionConverter extends Named<Conclusion> {
    ConclusionConverter() {
      super(Conclusion.class);
    }
  }

  static final class StatusConverter extends Named<AuditStatus> {
    StatusConverter() {
      super(AuditStatus.class);
    }
  }

  /** What {@code report} writes. */
  enum ReportFormat {
    HTML("html"),
    MD("md"),
    JSON("json");

    final String query;

    ReportFormat(String query) {
      this.query = query;
    }
  }

  static final class ReportFormatConverter extends Named<ReportFormat> {
    ReportFormatConverter() {
      super(ReportFormat.class);
    }
  }

  /** An audit command: prints one line about the audit it answers. */
  abstract static class AuditCommand extends ApiCommand.JsonCommand {

    @Override
    String summary(FindingsSession.Response response) {
      var a = response.body();
      var line = new StringBuilder("audit " + a.get("id") + ": " + a.get("status")
          + " (version " + a.get("version") + ")");
      var open = (List<?>) a.getOrDefault("openItems", List.of());
      if (!open.isEmpty() && !"CANCELLED".equals(a.get("status"))) {
        line.append(", ").append(open.size()).append(" item(s) to conclude: ")
            .append(open.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      }
      if (a.get("reportSha256") != null) {
        line.append(", report stored as sha256 ").append(a.get("reportSha256"));
      }
      return line.toString();
    }
  }

  /** A change of one audit, sent with the version read first or the one --if-match names. */
  abstract static class AuditChange extends AuditCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The audit, AUD-...") String id;
    @Option(names = "--if-match", paramLabel = "VERSION",
        description = "The version you read (default: read the audit first).") Long ifMatch;

    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      var read = ifMatch != null ? Read.given(ifMatch)
          : currentEtag(session, as, "/audits/" + id);
      if (read.failure() != null) {
        return read.failure();
      }
      return session.call(as.apply(request().header("if-match", read.etag())));
    }

    /** The change to send (without If-Match). */
    abstract HttpApiEvent request();
  }

  @Command(name = "list", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "List audit records by date, optionally by status.",
      description = {"List audit records by date (GET /audits): planned, in progress, completed",
          "and cancelled audits dated --from to --to (default: 12 months either side of today)."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil audits list --status PLANNED,IN_PROGRESS \\",
          "      --as me@acme.example --role viewer",
          "  vigil audits list --from 2027-01-01 --to 2027-12-31"})
  static final class ListAudits extends ApiCommand.JsonCommand {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
        description = "First day (default: today minus 12 months).") LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
        description = "Last day (default: today plus 12 months).") LocalDate to;
    @Option(names = "--status", paramLabel = "STATUS", split = ",",
        converter = StatusConverter.class,
        description = "Only these statuses, comma-separated: ${COMPLETION-CANDIDATES}.")
    List<AuditStatus> statuses = new ArrayList<>();

    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/audits")
          .query("from", from == null ? null : from.toString())
          .query("to", to == null ? null : to.toString())
          .query("status", statuses.isEmpty() ? null
              : statuses.stream().map(Enum::name).collect(Collectors.joining(",")))));
    }

    @Override
    String summary(FindingsSession.Response response) {
      var items = (List<?>) response.body().get("items");
      return items.size() + " audit(s)";
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Show an audit record with its conclusions.",
      description = "Show an audit record with its conclusions (GET /audits/{id}).",
      footerHeading = "%nExamples:%n",
      footer = {"  vigil audits show AUD-2027-03-15-1a2b3c4d --as me@acme.example --role viewer"})
  static final class Show extends AuditCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The audit, AUD-...") String id;

    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/audits/" + id)));
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Start a planned audit (its auditor, or the ISMS manager).",
      description = {"Start a planned audit (POST /audits/{id}/start): by its auditor, or the",
          "ISMS manager on their behalf. Starting it again is harmless."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil audits start AUD-2027-03-15-1a2b3c4d \\",
          "      --as carol@acme.example --role auditor"})
  static final class Start extends AuditChange {
    @Override
    HttpApiEvent request() {
      return HttpApiEvent.request("POST", "/audits/" + id + "/start");
    }
  }

  @Command(name = "conclude", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Record the conclusion on one item of an audit in progress.",
      description = {"Record the conclusion on one item of an audit in progress",
          "(PUT /audits/{id}/conclusions/{item}). The check results of the period are linked",
          "automatically for Annex A controls; any conclusion but CONFORMING raises a finding",
          "(source INTERNAL_AUDIT) with --owner and --due, and then is final in the audit."},
      footerHeading = "%nExamples:%n",
      footer = {
          "  vigil audits conclude AUD-2027-03-15-1a2b3c4d --item A.8.24 \\",
          "      --conclusion MAJOR_NONCONFORMITY --notes 'Two EBS volumes are unencrypted' \\",
          "      --evidence 'Crypto policy v3' --owner owner@acme.example --due 2027-04-30 \\",
          "      --as carol@acme.example --role auditor",
          "  vigil audits conclude AUD-2027-03-15-1a2b3c4d --item 9.2 --conclusion conforming"})
  static final class Conclude extends AuditChange {
    @Option(names = "--item", required = true, paramLabel = "ITEM",
        description = "The audited item: an ISMS clause (9.2) or Annex A control (A.8.24).")
    String item;
    @Option(names = "--conclusion", required = true, paramLabel = "CONCLUSION",
        converter = ConclusionConverter.class,
        description = "${COMPLETION-CANDIDATES}.") Conclusion conclusion;
    @Option(names = "--notes", paramLabel = "TEXT",
        description = "What was found: the requirement, the evidence, the gap (required unless"
            + " CONFORMING).") String notes;
    @Option(names = "--evidence", paramLabel = "REF",
        description = "Evidence examined: a document, record or interview (repeatable).")
    List<String> evidence = new ArrayList<>();
    @Option(names = "--owner", paramLabel = "EMAIL",
        description = "Owner of the finding raised (not for CONFORMING).") String owner;
    @Option(names = {"--due", "--due-date"}, paramLabel = "YYYY-MM-DD",
        description = "Due date of the finding raised (not for CONFORMING).") LocalDate due;

    @Override
    HttpApiEvent request() {
      var body = new LinkedHashMap<String, Object>();
      body.put("conclusion", conclusion.name());
      putIf(body, "notes", notes);
      if (!evidence.isEmpty()) {
        body.put("evidence", evidence);
      }
      putIf(body, "owner", owner);
      putIf(body, "dueDate", due == null ? null : due.toString());
      return HttpApiEvent.request("PUT", "/audits/" + id + "/conclusions/" + item)
          .body(Json.write(body));
    }

    @Override
    String summary(FindingsSession.Response response) {
      for (var c : (List<?>) response.body().get("conclusions")) {
        var recorded = (Map<?, ?>) c;
        if (item.equals(recorded.get("item")) && recorded.get("findingId") != null) {
          return super.summary(response) + "; " + item + " raised finding "
              + recorded.get("findingId");
        }
      }
      return super.summary(response);
    }
  }

  @Command(name = "complete", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Complete an audit; its report is stored in the evidence bucket.",
      description = {"Complete an audit whose every item has a conclusion",
          "(POST /audits/{id}/complete); its report is stored in the evidence bucket and its",
          "SHA-256 recorded on the audit."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil audits complete AUD-2027-03-15-1a2b3c4d --summary 'One major"
          + " nonconformity' \\", "      --as carol@acme.example --role auditor"})
  static final class Complete extends AuditChange {
    @Option(names = "--summary", paramLabel = "TEXT", description = "The auditor's summary.")
    String summary;

    @Override
    HttpApiEvent request() {
      var request = HttpApiEvent.request("POST", "/audits/" + id + "/complete");
      return summary == null ? request : request.body(Json.write(Map.of("summary", summary)));
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Cancel a planned audit, with the reason (the ISMS manager).",
      description = {"Cancel a planned audit, with the reason (POST /audits/{id}/cancel): the ISMS",
          "manager only; its items go back into the programme at the next planning run."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil audits cancel AUD-2027-03-15-1a2b3c4d --reason 'Merged into the Q2 audit'"
          + " \\", "      --as isms@acme.example --role isms-manager"})
  static final class Cancel extends AuditChange {
    @Option(names = "--reason", required = true, paramLabel = "TEXT",
        description = "Why the audit is cancelled.") String reason;

    @Override
    HttpApiEvent request() {
      return HttpApiEvent.request("POST", "/audits/" + id + "/cancel")
          .body(Json.write(Map.of("reason", reason)));
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Write an audit's report: HTML, Markdown or JSON.",
      description = {"Write an audit's report (GET /audits/{id}/report): a self-contained HTML",
          "page (default), Markdown, or the report document as JSON; to standard output or",
          "--output FILE. Every recorded text is escaped."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil audits report AUD-2027-03-15-1a2b3c4d --output audit-report.html",
          "  vigil audits report AUD-2027-03-15-1a2b3c4d --format md | less"})
  static final class Report extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The audit, AUD-...") String id;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
        converter = ReportFormatConverter.class,
        description = "html (default), md or json.") ReportFormat format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write to FILE instead of standard output.") Path output;

    @Override
    int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      var response = session.send(as.apply(HttpApiEvent.request("GET",
          "/audits/" + id + "/report").query("format", format.query)));
      if (!response.ok()) {
        return print(response.decode());
      }
      var text = response.body();
      if (format == ReportFormat.JSON) {
        text = Json.write(response.decode().body()) + "\n";
      }
      TextOutput.write(spec.commandLine().getOut(), output, text);
      if (output != null) {
        root().progress().step("wrote the " + format.query + " report of audit " + id + " to "
            + output);
      }
      return VigilCli.OK;
    }
  }
}
