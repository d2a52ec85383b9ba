package io.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vigil collect}: one evidence collection run, results written as JSON, CSV or OCSF. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Run an evidence collection and write its results (JSON, CSV or OCSF).",
    description = {
        "Runs the collect-evidence function in-process against the endpoint (or real AWS through",
        "the default credential chain when no endpoint is given): every account x region in",
        "scope is collected as one unit, several at once (--concurrency). Results, evidence,",
        "findings and a hash-chained ledger entry per unit are stored in the table and bucket;",
        "the results of the run are written to FILE or standard output:",
        "",
        "  json  an array; each element has checkId, status (PASS, FAIL, ERROR, NOT_APPLICABLE),",
        "        resourceArn, resourceType, accountId, region, controls (Annex A ids such as",
        "        \"A.8.24\"), severity, evidenceSha256, observedAt (ISO-8601), reason and runId",
        "  csv   the same fields, one row per result (controls separated by spaces)",
        "  ocsf  an array of OCSF 1.1 Compliance Finding events (class_uid 2003)",
        "",
        "Each invocation is a new run. Member accounts are read through --role-name (with",
        "--external-id); an account or region that cannot be read yields ERROR results naming",
        "why, and the rest of the run completes. The table and bucket must exist: see 'vigil init'.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil collect --endpoint-url http://127.0.0.1:5000 --output r.json",
        "  vigil collect --bucket my-evidence-bucket --regions eu-west-1,eu-central-1 > r.json",
        "  vigil collect --bucket my-evidence-bucket --regions all --accounts organization \\",
        "      --role-name VigilCollector --external-id 7f3c... --format ocsf -o findings.json"})
final class CollectCommand implements Callable<Integer> {

  static final String RULE_NAME = "vigil-cli-collect";

  @ParentCommand
  VigilCli root;

  @Mixin
  AwsOptions aws;

  @Mixin
  ScopeOptions scope;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE instead of standard output.")
  Path output;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
      converter = FormatConverter.class,
      description = "json, csv or ocsf. Default: ${DEFAULT-VALUE}.")
  ResultFormats.Format format;

  @Override
  public Integer call() throws IOException {
    var target = aws.resolve(root.env()).withScope(scope.properties(root.env()));
    var progress = root.progress();
    progress.step("collecting evidence from " + target.describe());
    String text;
    try (var session = CollectionSession.open(target)) {
      var event = ScheduledEvents.at(
          session.callerAccount(), session.region(), RULE_NAME, Instant.now());
      var collected = session.collect(event, progress);
      var response = collected.response();
      var results = CollectionSession.resultsOf(collected);
      progress.step("run " + response.runId() + " done: " + response.targets() + " unit(s), "
          + response.pass() + " pass, " + response.fail() + " fail, " + response.error()
          + " error; " + response.resultsWritten() + " result(s) changed, "
          + response.findingsOpened() + " finding(s) opened, " + response.findingsRecovered()
          + " recovered");
      text = ResultFormats.write(format, results, session.catalogue());
    }
    if (output == null) {
      var out = root.spec.commandLine().getOut();
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
    } else {
      var parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
      progress.step("wrote " + format.name().toLowerCase(java.util.Locale.ROOT) + " results to "
          + output);
    }
    return VigilCli.OK;
  }

  /** Case-insensitive format names with a helpful error. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ResultFormats.Format> {
    @Override
    public ResultFormats.Format convert(String value) {
      try {
        return ResultFormats.Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format: use json, csv or ocsf");
      }
    }
  }
}
