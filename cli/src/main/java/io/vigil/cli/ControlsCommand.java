package io.vigil.cli;

import io.micronaut.context.ApplicationContext;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.coverage.ControlCoverage;
import io.vigil.domain.coverage.ControlRollup;
import io.vigil.domain.evidence.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vigil controls}: all 93 Annex A controls with the checks that evidence each (primary or
 * supporting), the rest marked MANUAL; with {@code --results}, a run's results rolled up per
 * control.
 */
@Command(
    name = "controls",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "List the Annex A 2022 controls with the checks that give evidence for each.",
    description = {
        "Lists all 93 controls of ISO/IEC 27001:2022 Annex A. For each: AUTOMATED when a check is",
        "primary evidence for it, PARTIAL when checks only support it, MANUAL when evidence must",
        "come from people (policies, records, interviews) - most of themes A.5 to A.7.",
        "",
        "With --results FILE (the JSON of 'vigil collect'), each control also gets the status of",
        "that run: PASS only if every primary check has results and all pass; FAIL if any mapped",
        "check fails; ERROR if a mapped check could not be evaluated (an error is never shown as",
        "a pass); NO_DATA if its checks found nothing to judge; MANUAL otherwise. Reads no AWS.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil controls",
        "  vigil controls --format csv > annex-a-coverage.csv",
        "  vigil collect --endpoint-url http://127.0.0.1:5000 -o r.json && vigil controls --results r.json"})
final class ControlsCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TABLE,
    CSV,
    JSON
  }

  @ParentCommand
  VigilCli root;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      converter = FormatConverter.class, description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--results", paramLabel = "FILE",
      description = "Roll up the results in FILE (JSON written by 'vigil collect').")
  Path results;

  @Override
  public Integer call() throws IOException {
    var coverage = new ControlCoverage(AnnexACatalogue.standard(), catalogue());
    var rollup = results == null ? null : ControlRollup.of(coverage, readResults(results));
    var rows = rows(coverage, rollup);
    var out = root.spec.commandLine().getOut();
    out.print(switch (format) {
      case TABLE -> table(rows, coverage, rollup);
      case CSV -> csv(rows);
      case JSON -> Json.write(rows) + "\n";
    });
    out.flush();
    return VigilCli.OK;
  }

  /** The check catalogue: the check beans alone, no AWS client is built. */
  static List<CheckMetadata> catalogue() {
    try (var ctx = ApplicationContext.builder()
        .properties(Map.of("vigil.evidence-bucket", "unused")).start()) {
      return ctx.getBeansOfType(EvidenceCheck.class).stream()
          .map(c -> ((EvidenceCheck<?>) c).metadata())
          .sorted(Comparator.comparing(CheckMetadata::id))
          .toList();
    }
  }

  private static List<Map<String, Object>> rows(ControlCoverage coverage,
      List<ControlRollup.Row> rollup) {
    var out = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < coverage.rows().size(); i++) {
      var c = coverage.rows().get(i);
      var m = new LinkedHashMap<String, Object>();
      m.put("control", c.control().id().toString());
      m.put("theme", c.control().theme().label());
      m.put("title", c.control().title());
      m.put("evidence", c.evidence().name());
      m.put("primaryChecks", c.primary().stream().map(x -> x.id().value()).toList());
      m.put("supportingChecks", c.supporting().stream().map(x -> x.id().value()).toList());
      if (rollup != null) {
        var r = rollup.get(i);
        m.put("status", r.status().name());
        var counts = new LinkedHashMap<String, Object>();
        for (var s : CheckStatus.values()) {
          counts.put(s.name(), r.counts().getOrDefault(s, 0));
        }
        m.put("results", counts);
        m.put("failingChecks", r.failingChecks().stream().map(CheckId::value).toList());
      }
      out.add(m);
    }
    return out;
  }

  private static String table(List<Map<String, Object>> rows, ControlCoverage coverage,
      List<ControlRollup.Row> rollup) {
    var sb = new StringBuilder();
    var withStatus = rollup != null;
    sb.append(String.format("%-8s %-9s %s%s%n", "control", "evidence", withStatus ? "status   " : "",
        "title / checks (primary; supporting)"));
    for (var row : rows) {
      sb.append(String.format("%-8s %-9s %s%s%n", row.get("control"), row.get("evidence"),
          withStatus ? String.format("%-8s ", row.get("status")) : "", row.get("title")));
      @SuppressWarnings("unchecked")
      var primary = (List<String>) row.get("primaryChecks");
      @SuppressWarnings("unchecked")
      var supporting = (List<String>) row.get("supportingChecks");
      if (!primary.isEmpty() || !supporting.isEmpty()) {
        sb.append(String.format("%-19s%s%s%n", "", withStatus ? "         " : "",
            String.join(", ", primary) + (supporting.isEmpty() ? ""
                : (primary.isEmpty() ? "" : "; ") + "supporting: " + String.join(", ", supporting))));
      }
    }
    sb.append(String.format("%n%d controls: %d automated, %d partial (supporting checks only),"
            + " %d manual%n", coverage.rows().size(),
        coverage.count(ControlCoverage.Evidence.AUTOMATED),
        coverage.count(ControlCoverage.Evidence.PARTIAL),
        coverage.count(ControlCoverage.Evidence.MANUAL)));
    if (withStatus) {
      var byStatus = rollup.stream().collect(Collectors.groupingBy(ControlRollup.Row::status,
          Collectors.counting()));
      sb.append("run roll-up: ");
      sb.append(java.util.Arrays.stream(ControlRollup.Status.values())
          .map(s -> s.name() + " " + byStatus.getOrDefault(s, 0L))
          .collect(Collectors.joining(", ")));
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  private static String csv(List<Map<String, Object>> rows) {
    var columns = new ArrayList<>(List.of("control", "theme", "title", "evidence",
        "primaryChecks", "supportingChecks"));
    if (!rows.isEmpty() && rows.get(0).containsKey("status")) {
      columns.addAll(List.of("status", "failingChecks"));
    }
    var sb = new StringBuilder(String.join(",", columns)).append("\r\n");
    for (var row : rows) {
      sb.append(columns.stream().map(c -> {
        var v = row.get(c);
        return ResultFormats.cell(v instanceof List<?> l
            ? l.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(v));
      }).collect(Collectors.joining(","))).append("\r\n");
    }
    return sb.toString();
  }

  /** Reads the JSON of 'vigil collect' back into results; errors name the element and field. */
  private List<CheckResult> readResults(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ParameterException(root.spec.commandLine(), "results file not found: " + file);
    }
    if (!(Json.parse(text) instanceof List<?> list)) {
      throw new ParameterException(root.spec.commandLine(), file
          + " is not a JSON array of results (write one with 'vigil collect --format json')");
    }
    var out = new ArrayList<CheckResult>();
    for (int i = 0; i < list.size(); i++) {
      try {
        out.add(result((Map<?, ?>) list.get(i)));
      } catch (RuntimeException e) {
        throw new ParameterException(root.spec.commandLine(), file + ": element " + i
            + " is not a result: " + e.getMessage());
      }
    }
    return out;
  }

  private static CheckResult result(Map<?, ?> m) {
    var controls = ((List<?>) m.get("controls")).stream()
        .map(c -> ControlId.parse(String.valueOf(c))).toList();
    return new CheckResult(str(m, "runId"), CheckId.of(str(m, "checkId")),
        CheckStatus.valueOf(str(m, "status")), str(m, "accountId"), str(m, "region"),
        str(m, "resourceArn"), str(m, "resourceType"), controls,
        Severity.parse(str(m, "severity")), Instant.parse(str(m, "observedAt")),
        new Sha256(str(m, "evidenceSha256")), String.valueOf(m.get("reason")));
  }

  private static String str(Map<?, ?> m, String field) {
    var v = m.get(field);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return s;
  }

  /** Case-insensitive format names with a helpful error. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format: use table, csv or json");
      }
    }
  }
}
