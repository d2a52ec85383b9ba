package io.vigil.cli;

import io.vigil.domain.register.SoaExport;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vigil soa}: the Statement of Applicability (6.1.3 d) through the records API's
 * {@code /soa} routes — show it as a summary line and a table, approve it as the next immutable
 * version, export the current SoA or an approved version as CSV, HTML or JSON, list the versions.
 */
@Command(
    name = "soa",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "The Statement of Applicability (6.1.3 d): show, approve, export.",
    description = {
        "The SoA lists all 93 Annex A controls: the decision recorded for each (applicable or",
        "not, and why: 'vigil registers create soa-decisions'), its implementation status",
        "derived from the evidence (failing checks, open nonconformities and their actions,",
        "overdue evidence tasks: PARTIALLY_IMPLEMENTED; passing checks or attached evidence:",
        "IMPLEMENTED; no evidence yet: NOT_ASSESSED; excluded: NOT_APPLICABLE), the risks whose",
        "treatment names it and where its evidence comes from. The ISMS manager approves it as a",
        "numbered version, kept unchanged (its SHA-256 is the hash of its JSON export); it cannot",
        "be approved while a control has no justified decision. Runs the findings-api function",
        "in-process as --as/--role (default $VIGIL_ACTOR, $VIGIL_ROLE).",
        ""},
    subcommands = {SoaCommand.Show.class, SoaCommand.Approve.class, SoaCommand.Export.class,
        SoaCommand.Versions.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  export VIGIL_ACTOR=isms@acme.example VIGIL_ROLE=isms-manager",
        "  vigil soa show",
        "  vigil soa approve",
        "  vigil soa export --format html --output soa.html",
        "  vigil soa export --format json --version 1 | sha256sum     (= the version's sha256)",
        "  vigil soa versions --as auditor@acme.example --role auditor"})
final class SoaCommand extends CommandGroup {

  /** The export formats. */
  enum Format {
    CSV,
    HTML,
    JSON
  }

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not one of csv, html, json");
      }
    }
  }

  /** GET /soa, or /soa/versions/{n} with {@code --version}. */
  static HttpApiEvent request(Integer version, Format format) {
    return HttpApiEvent.request("GET", version == null ? "/soa" : "/soa/versions/" + version)
        .query("format", format.name().toLowerCase(Locale.ROOT));
  }

  @Command(name = "show", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Print the SoA: a summary line and one row per control.",
      description = {"Print the current SoA (or an approved --version): a summary line",
          "(applicable, excluded, implemented, partially implemented, not assessed, with failing",
          "evidence), the controls still without a decision, and a table of the 93 controls."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil soa show --as me@acme.example --role viewer",
          "  vigil soa show --version 1"})
  static final class Show extends ApiCommand {
    @Option(names = "--version", paramLabel = "N", description = "An approved version.")
    Integer version;

    @Override
    int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      var response = session.call(as.apply(request(version, Format.JSON)));
      if (!response.ok()) {
        return print(response);
      }
      print(spec.commandLine().getOut(), response.body());
      return VigilCli.OK;
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> soa) {
      out.println(soa.get("version") == null
          ? "Statement of Applicability, current (not approved), generated "
              + soa.get("generatedOn")
          : "Statement of Applicability, version " + soa.get("version") + ", approved by "
              + soa.get("approvedBy") + " at " + soa.get("approvedAt"));
      out.println(SoaExport.summaryLine(soa));
      var undecided = (List<String>) ((Map<String, Object>) soa.get("summary")).get("undecided");
      if (!undecided.isEmpty()) {
        out.println(undecided.size() + " control(s) without a justified decision: "
            + String.join(", ", undecided));
      }
      out.println();
      out.printf("%-7s %-4s %-21s %-21s %-22s %s%n", "CONTROL", "APPL", "STATUS", "EVIDENCE",
          "RISKS", "TITLE");
      for (var c : (List<Map<String, Object>>) soa.get("controls")) {
        var risks = String.join(",", (List<String>) c.get("risks"));
        out.printf("%-7s %-4s %-21s %-21s %-22s %s%n", c.get("control"),
            Boolean.TRUE.equals(c.get("applicable")) ? "yes" : "no", c.get("status"),
            c.get("evidenceSource"), risks.length() > 22 ? risks.substring(0, 21) + "…" : risks,
            c.get("title"));
      }
      out.flush();
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Approve the current SoA as the next version (the ISMS manager).",
      description = {"Approve the current SoA (POST /soa/approvals) as the next numbered version:",
          "prints {version, sha256, approvedBy, approvedAt}. Refused (exit 1) while a control has",
          "no justified decision; earlier versions never change."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil soa approve --as isms@acme.example --role isms-manager"})
  static final class Approve extends ApiCommand.JsonCommand {
    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("POST", "/soa/approvals")));
    }

    @Override
    String summary(FindingsSession.Response response) {
      var v = response.body();
      return "approved the SoA as version " + v.get("version") + " (sha256 " + v.get("sha256")
          + ")";
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Write the SoA as CSV, HTML or JSON.",
      description = {"Write the current SoA, or an approved --version, as CSV (one row per",
          "control), self-contained HTML (every recorded text escaped) or canonical JSON, to",
          "standard output or --output FILE. The JSON of a version is exactly what was approved:",
          "its SHA-256 is the version's sha256."},
      footerHeading = "%nExamples:%n",
      footer = {"  vigil soa export --format csv --output soa.csv",
          "  vigil soa export --format html --version 2 --output soa-v2.html",
          "  vigil soa export --format json --version 1 | sha256sum"})
  static final class Export extends ApiCommand {
    @Option(names = "--format", paramLabel = "FORMAT", required = true,
        converter = FormatConverter.class, description = "csv, html or json.") Format format;
    @Option(names = "--version", paramLabel = "N",
        description = "An approved version (default: the current SoA).") Integer version;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write to FILE instead of standard output.") Path output;

    @Override
    int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      var response = session.send(as.apply(request(version, format)));
      if (!response.ok()) {
        return print(response.decode());
      }
      TextOutput.write(spec.commandLine().getOut(), output, response.body());
      if (output != null) {
        root().progress().step("wrote the " + (version == null ? "current SoA"
            : "SoA version " + version) + " as " + format.name().toLowerCase(Locale.ROOT)
            + " to " + output);
      }
      return VigilCli.OK;
    }
  }

  @Command(name = "versions", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "List the approved versions: number, sha256, who approved and when.",
      description = "List the approved versions of the SoA (GET /soa/versions), oldest first.",
      footerHeading = "%nExamples:%n",
      footer = {"  vigil soa versions --as auditor@acme.example --role auditor"})
  static final class Versions extends ApiCommand.JsonCommand {
    @Override
    FindingsSession.Response run(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/soa/versions")));
    }

    @Override
    String summary(FindingsSession.Response response) {
      return ((List<?>) response.body().get("items")).size() + " approved version(s)";
    }
  }
}
