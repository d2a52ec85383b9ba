package io.vigil.cli;

import io.micronaut.context.ApplicationContext;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditPlanner;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.functions.scheduleaudits.ProgrammeConfigJson;
import io.vigil.functions.scheduleaudits.ScheduleAuditsComponents;
import io.vigil.functions.scheduleaudits.ScheduleAuditsHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vigil audits}: the internal audit programme (clause 9.2). {@code plan} plans a cycle from
 * a JSON configuration (README "Internal audit programme"), with the open findings of an endpoint
 * as risk inputs; {@code export} turns a plan into CSV or iCalendar. A configuration or plan file
 * that breaks the contract is a usage error (exit 2) with one line naming the field. The audit
 * records of the stored programme (9.2.2) are {@link AuditRecordCommands}: list, show, start,
 * conclude, complete, cancel, report, through the records API.
 */
@Command(
    name = "audits",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Internal audit programme (clause 9.2): plan audits, export them to calendars,"
        + " record them.",
    description = {
        "'plan' plans every ISMS clause and applicable Annex A control within the cycle, riskier",
        "items more often, by auditors who never audit what they own; 'export' writes a plan as",
        "CSV or iCalendar (one event per audit).",
        "The stored programme's audits are recorded through the records API as the person named",
        "by --as and --role (default: $VIGIL_ACTOR, $VIGIL_ROLE): 'start' one, 'conclude' each",
        "item (check results linked automatically; nonconformities, observations and",
        "opportunities raised as findings), 'complete' it (its report stored in the evidence",
        "bucket), 'report' it (HTML, Markdown, JSON); 'list', 'show', 'cancel'. Changes send",
        "the version they read; a refusal prints the problem and exits 1.",
        ""},
    subcommands = {AuditsCommand.Plan.class, AuditsCommand.Export.class,
        AuditRecordCommands.ListAudits.class, AuditRecordCommands.Show.class,
        AuditRecordCommands.Start.class, AuditRecordCommands.Conclude.class,
        AuditRecordCommands.Complete.class, AuditRecordCommands.Cancel.class,
        AuditRecordCommands.Report.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil audits plan --config events/schedule-audits/programme.json --from 2027-01-01 \\",
        "      --output plan.json",
        "  vigil audits plan --config programme.json --format table \\",
        "      --endpoint-url http://127.0.0.1:5000     (open findings as risk inputs)",
        "  vigil audits export --plan plan.json --format ics --output audits.ics",
        "  export VIGIL_ACTOR=carol@acme.example VIGIL_ROLE=auditor",
        "  vigil audits list --status PLANNED --endpoint-url http://127.0.0.1:5000",
        "  vigil audits start AUD-2027-03-15-1a2b3c4d --endpoint-url http://127.0.0.1:5000",
        "  vigil audits conclude AUD-2027-03-15-1a2b3c4d --item A.8.24 \\",
        "      --conclusion MAJOR_NONCONFORMITY --notes 'Two EBS volumes unencrypted' \\",
        "      --owner owner@acme.example --due 2027-04-30 --endpoint-url http://127.0.0.1:5000",
        "  vigil audits complete AUD-2027-03-15-1a2b3c4d --summary '...' --endpoint-url ...",
        "  vigil audits report AUD-2027-03-15-1a2b3c4d --output report.html --endpoint-url ..."})
final class AuditsCommand implements Callable<Integer> {

  @ParentCommand
  VigilCli root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    err.println("vigil audits: missing command");
    spec.commandLine().usage(err);
    return VigilCli.USAGE;
  }

  /** Output formats of {@code plan}. */
  enum PlanFormat {
    JSON,
    TABLE
  }

  /** Output formats of {@code export}. */
  enum ExportFormat {
    CSV,
    ICS
  }

  /** Case-insensitive plan format names with a helpful error. */
  static final class PlanFormatConverter implements ITypeConverter<PlanFormat> {
    @Override
    public PlanFormat convert(String value) {
      return named(PlanFormat.class, value, "json or table");
    }
  }

  /** Case-insensitive export format names with a helpful error. */
  static final class ExportFormatConverter implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
      return named(ExportFormat.class, value, "csv or ics");
    }
  }

  private static <E extends Enum<E>> E named(Class<E> type, String value, String choices) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("unknown format '" + value + "': use " + choices);
    }
  }

  /** {@code vigil audits plan}. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Plan the audit programme of one cycle from a JSON configuration.",
      description = {
          "Reads the configuration (cycleMonths, auditSize, auditors, owners, notApplicable,",
          "weights: see README \"Internal audit programme\"), plans from --from (default today,",
          "UTC) and prints the plan as JSON: {from, to, audits: [{id, date, auditor, items,",
          "criteria, scope, method}], unassigned: [{item, reason}]}. With an endpoint",
          "(--endpoint-url, $AWS_ENDPOINT_URL) or a table (--table, $VIGIL_TABLE_NAME) the open",
          "findings stored there are risk inputs (failing evidence, open and major",
          "nonconformities per control); without, the plan has no risk inputs.",
          "A bad configuration exits 2 with one line naming the field.",
          ""},
      footerHeading = "%nExamples:%n",
      footer = {
          "  vigil audits plan --config events/schedule-audits/programme.json --from 2027-01-01",
          "  vigil audits plan --config programme.json --format table \\",
          "      --endpoint-url http://127.0.0.1:5000"})
  static final class Plan implements Callable<Integer> {

    @ParentCommand
    AuditsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Option(names = "--config", paramLabel = "FILE", required = true,
        description = "The programme configuration (JSON).")
    Path config;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
        description = "First day of the cycle. Default: today (UTC).")
    LocalDate from;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the plan to FILE instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
        converter = PlanFormatConverter.class, description = "json (default) or table.")
    PlanFormat format;

    @Override
    public Integer call() throws IOException {
      var root = parent.root;
      var err = spec.commandLine().getErr();
      ProgrammeConfig programme;
      try {
        programme = ProgrammeConfigJson.parse(read(config));
      } catch (IllegalArgumentException | IOException e) {
        err.println("vigil: " + config + ": " + Failures.describe(e));
        err.flush();
        return VigilCli.USAGE;
      }
      var progress = root.progress();
      var start = from != null ? from : LocalDate.now(ZoneOffset.UTC);
      AuditPlan planned;
      if (aws.configuredEndpoint(root.env()).isPresent()
          || AwsOptions.first(aws.table, root.env().apply("VIGIL_TABLE_NAME")).isPresent()) {
        var target = aws.resolve(root.env(), null, false);
        progress.step("reading open findings and stored audits from table " + target.table());
        var properties = new java.util.HashMap<String, Object>(target.properties());
        properties.put("vigil.audits.config-file", config.toAbsolutePath().toString());
        try (var handler = new ScheduleAuditsHandler(
            ApplicationContext.builder().properties(properties))) {
          var scheduling = handler.getApplicationContext()
              .getBean(ScheduleAuditsComponents.class).scheduling();
          var preview = scheduling.preview(start);
          progress.step("  " + preview.openFindings() + " open finding(s) on "
              + preview.riskItems() + " item(s), " + preview.storedAudits()
              + " stored audit(s)");
          planned = preview.plan();
        }
      } else {
        err.println("vigil: no endpoint or table given: planning without risk inputs or stored"
            + " audits (pass --endpoint-url or --table to use them)");
        planned = new AuditPlanner(programme).plan(AuditUniverse.of(programme.notApplicable()),
            Map.of(), start);
      }
      var plan = AuditPlanFile.of(planned, programme);
      var text = format == PlanFormat.TABLE ? AuditPlanFile.table(plan)
          : Json.write(AuditPlanFile.toTree(plan)) + "\n";
      write(root, output, text);
      if (output != null) {
        progress.step("wrote the plan (" + plan.audits().size() + " audits, "
            + plan.unassigned().size() + " unassigned) to " + output);
      }
      return VigilCli.OK;
    }
  }

  /** {@code vigil audits export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      header = "Export a plan as CSV or iCalendar (RFC 5545) for the auditors' calendars.",
      description = {
          "Reads a plan written by 'vigil audits plan' and writes CSV (one row per audit: id,",
          "date, auditor, items, criteria, scope, method) or an iCalendar file with one all-day",
          "event per audit (UID <audit id>@vigil, so re-importing an updated plan updates the",
          "events; the auditor invited when the plan has their e-mail).",
          ""},
      footerHeading = "%nExamples:%n",
      footer = {
          "  vigil audits export --plan plan.json --format csv > audits.csv",
          "  vigil audits export --plan plan.json --format ics --output audits.ics"})
  static final class Export implements Callable<Integer> {

    @ParentCommand
    AuditsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", paramLabel = "FILE", required = true,
        description = "A plan written by 'vigil audits plan' (JSON).")
    Path planFile;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
        converter = ExportFormatConverter.class, description = "csv or ics.")
    ExportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
      var err = spec.commandLine().getErr();
      AuditPlanFile.Plan plan;
      try {
        plan = AuditPlanFile.parse(read(planFile));
      } catch (IllegalArgumentException | IOException e) {
        err.println("vigil: " + planFile + ": " + Failures.describe(e));
        err.flush();
        return VigilCli.USAGE;
      }
      var text = format == ExportFormat.CSV ? AuditExports.csv(plan)
          : AuditExports.ics(plan, Instant.now());
      write(parent.root, output, text);
      if (output != null) {
        parent.root.progress().step("wrote " + plan.audits().size() + " audit(s) as "
            + format.name().toUpperCase(Locale.ROOT) + " to " + output);
      }
      return VigilCli.OK;
    }
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
  }

  private static void write(VigilCli root, Path output, String text) {
    TextOutput.write(root.spec.commandLine().getOut(), output, text);
  }
}
