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

/** {@code vigil collect}: one evidence collection run, results written as a JSON array. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Run an evidence collection and write its results as JSON.",
    description = {
        "Runs the collect-evidence function in-process against the endpoint (or real AWS through",
        "the default credential chain when no endpoint is given), stores results, evidence and",
        "findings in the table and bucket, and writes the run's results as a JSON array to FILE",
        "or standard output. Each element has checkId, status (PASS, FAIL, ERROR,",
        "NOT_APPLICABLE), resourceArn, resourceType, accountId, region, controls (Annex A ids",
        "such as \"A.8.24\"), severity, evidenceSha256, observedAt (ISO-8601), reason and runId.",
        "",
        "The run is triggered by a scheduled event for the rule 'vigil-cli-collect' at the",
        "current minute, so running collect twice within the same minute is one run: the second",
        "writes nothing new and prints the same results (idempotent by design).",
        "",
        "The table and bucket must exist: see 'vigil init'.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil collect --endpoint-url http://127.0.0.1:5000 --output r.json",
        "  vigil collect --bucket my-evidence-bucket --regions eu-west-1,eu-central-1 > r.json"})
final class CollectCommand implements Callable<Integer> {

  static final String RULE_NAME = "vigil-cli-collect";

  @ParentCommand
  VigilCli root;

  @Mixin
  AwsOptions aws;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the JSON array to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    var target = aws.resolve(root.env());
    var progress = root.progress();
    progress.step("collecting evidence from " + target.describe());
    String json;
    try (var session = CollectionSession.open(target)) {
      var event = ScheduledEvents.of(
          session.callerAccount(), session.region(), RULE_NAME, Instant.now());
      var response = session.run(event, progress);
      var results = session.results(response.runId());
      progress.step("run " + response.runId() + (response.duplicate()
          ? " had already run this minute; its results are unchanged" : " done") + ": "
          + response.pass() + " pass, " + response.fail() + " fail, " + response.error()
          + " error, " + response.findingsOpened() + " findings opened");
      json = ResultsJson.write(results);
    }
    if (output == null) {
      var out = root.spec.commandLine().getOut();
      out.println(json);
      out.flush();
    } else {
      var parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
      progress.step("wrote results to " + output);
    }
    return VigilCli.OK;
  }
}
