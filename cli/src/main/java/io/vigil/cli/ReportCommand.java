package io.vigil.cli;

import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.performance.Period;
import io.vigil.domain.performance.Report;
import io.vigil.domain.time.Clock;
import io.vigil.functions.summarizeperformance.PerformanceRecords;
import io.vigil.functions.summarizeperformance.ReportFormat;
import io.vigil.functions.summarizeperformance.SummaryKind;
import io.vigil.reports.Json;
import io.vigil.reports.OscalAssessmentResults;
import io.vigil.reports.OscalPoam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code vigil report}: the management review pack (9.3) or performance summary (9.1) of a period,
 * computed in-process from the records of a table, as the summarize-performance function computes
 * it, written to a directory; and on request the OSCAL assessment results and POA&amp;M.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Write the management review pack or performance summary of a period.",
    description = {
        "Measures the period from the records in the table (latest check results, findings and",
        "corrective actions, audits, registers, stored measures of earlier periods for the",
        "trends), builds the report as the summarize-performance function does and writes it to",
        "DIR: <kind>-<period>.html (self-contained, inline SVG charts), .pdf and .md. With",
        "--format oscal also DIR/assessment-results.json (OSCAL 1.1: the latest check results",
        "as observations, the open findings as risks, a finding per control) and DIR/poam.json",
        "(the open findings' outstanding corrective actions; not written when there is none).",
        "",
        "Runs in-process (it does not invoke the Lambda function) and writes nothing to the",
        "table or the bucket: this period's measures show in the trends without being stored.",
        "Prints the paths written and the highlights on standard output.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil report --period 2026-Q4 --output pack --endpoint-url http://127.0.0.1:5000",
        "  vigil report --period 2026-W48 --kind summary --output weekly --table vigil",
        "  vigil report --period 2026-11 --format html,oscal --output out --table vigil"})
final class ReportCommand implements Callable<Integer> {

  /** The OSCAL documents' pseudo-format. */
  static final String OSCAL = "oscal";

  @ParentCommand
  VigilCli root;

  @Mixin
  AwsOptions aws;

  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      converter = PeriodConverter.class,
      description = "YYYY-MM (month), YYYY-Qn (quarter) or YYYY-Www (ISO week).")
  Period period;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "management-review",
      converter = KindConverter.class,
      description = "management-review (every input of 9.3.2 a-g and the decisions) or summary"
          + " (key figures and trends). Default: ${DEFAULT-VALUE}.")
  SummaryKind kind;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory to write to (created if missing).")
  Path output;

  @Option(names = "--format", paramLabel = "FORMATS", defaultValue = "html,pdf,md",
      description = "Comma-separated: html, pdf, md, oscal. Default: ${DEFAULT-VALUE}.")
  String format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Set<String> formats;
    try {
      formats = formats(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
    var target = aws.resolve(root.env(), null, false);
    var progress = root.progress();
    progress.step("reading the records of " + target.describe());
    try {
      Files.createDirectories(output);
    } catch (IOException e) {
      throw new CommandFailure("cannot create the output directory " + output + ": "
          + Failures.describe(e), e);
    }
    var written = write(target, period, kind, formats, output, progress);
    var report = written.report();
    var out = root.spec.commandLine().getOut();
    for (var file : written.files()) {
      out.println(file);
    }
    out.println(report.title() + ":");
    report.highlights().forEach(h -> out.println("  " + h));
    out.flush();
    return VigilCli.OK;
  }

  /** The files written and the report they render. */
  record Written(List<Path> files, Report report) {}

  /**
   * Measures {@code period} from the records of {@code target} (writing nothing to the store) and
   * writes the report as {@code formats} into {@code output}; also used by the demo.
   */
  static Written write(AwsTarget target, Period period, SummaryKind kind, Set<String> formats,
      Path output, ConsoleProgress progress) throws IOException {
    var written = new ArrayList<Path>();
    Report report;
    try (var clients = new AwsClientFactory(settings(target))) {
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
          clients.defaultRegion());
      var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
      var clock = Clock.system();
      var records = PerformanceRecords.readOnly(enhanced, target.table(), clock);
      var builder = records.builder();
      progress.step("measuring " + period.id());
      var results = builder.measure(period);
      report = kind == SummaryKind.SUMMARY ? builder.summary(period, results)
          : builder.managementReview(period, results);
      for (var document : ReportFormat.values()) {
        if (formats.contains(document.extension())) {
          var file = output.resolve(kind.id() + "-" + period.id() + "." + document.extension());
          Files.write(file, document.render(report));
          written.add(file);
        }
      }
      if (formats.contains(OSCAL)) {
        written.addAll(oscal(records, report, progress, output));
      }
    } catch (ResourceNotFoundException e) {
      throw new CommandFailure("table " + target.table() + " does not exist at "
          + target.endpoint().orElse("AWS") + ": no records to report on (see 'vigil init')",
          e);
    }
    return new Written(written, report);
  }

  /** DIR/assessment-results.json and, when an action is outstanding, DIR/poam.json. */
  private static List<Path> oscal(PerformanceRecords records, Report report,
      ConsoleProgress progress, Path output) throws IOException {
    var period = report.period();
    var latest = new ArrayList<CheckResult>();
    for (var check : records.checks().all()) {
      latest.addAll(records.results().findLatestOfCheck(new CheckId(check.id())));
    }
    var open = records.findings().findOpen();
    var actions = new ArrayList<CorrectiveAction>();
    open.forEach(f -> actions.addAll(records.findings().actionsOf(f.id())));
    progress.step("OSCAL: " + latest.size() + " latest check result(s), " + open.size()
        + " open finding(s), " + actions.size() + " corrective action(s)");
    var files = new ArrayList<Path>();
    var assessment = output.resolve("assessment-results.json");
    write(assessment, OscalAssessmentResults.build(period, latest, open, report.generatedAt()));
    files.add(assessment);
    var poam = OscalPoam.build(period, open, actions, report.generatedAt());
    if (poam.isPresent()) {
      var file = output.resolve("poam.json");
      write(file, poam.get());
      files.add(file);
    } else {
      progress.step("no outstanding corrective action: no POA&M written (an OSCAL POA&M needs"
          + " at least one item)");
    }
    return files;
  }

  private static void write(Path file, Map<String, Object> document) throws IOException {
    try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Json.write(document, writer);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static AwsSettings settings(AwsTarget target) {
    var props = new LinkedHashMap<String, String>();
    target.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
    return AwsSettings.fromProperties(props);
  }

  /** {@code --period}. */
  static final class PeriodConverter implements ITypeConverter<Period> {
    @Override
    public Period convert(String value) {
      try {
        return Period.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --kind}. */
  static final class KindConverter implements ITypeConverter<SummaryKind> {
    @Override
    public SummaryKind convert(String value) {
      try {
        return SummaryKind.parse(value, "--kind");
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * {@code --format}: a comma-separated set of html, pdf, md, oscal.
   *
   * @throws IllegalArgumentException naming an unknown format
   */
  static Set<String> formats(String value) {
    var known = new ArrayList<String>();
    for (var f : ReportFormat.values()) {
      known.add(f.extension());
    }
    known.add(OSCAL);
    var out = new LinkedHashSet<String>();
    for (var part : value.split(",", -1)) {
      var name = part.strip().toLowerCase(Locale.ROOT);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not a format; use a"
            + " comma-separated list of " + String.join(", ", known));
      }
      out.add(name);
    }
    return out;
  }
}
