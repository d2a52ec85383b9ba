package io.vigil.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code vigil init}: creates Vigil's table and evidence bucket if they are absent. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Create Vigil's DynamoDB table and S3 evidence bucket (idempotent).",
    description = {
        "Creates what is missing and says, per resource, what it did; running it again changes",
        "nothing. In AWS the infrastructure stack creates both; use this against an emulator.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil init --endpoint-url http://127.0.0.1:5000",
        "  AWS_ENDPOINT_URL=http://localhost:4566 vigil init --bucket vigil-evidence"})
final class InitCommand implements Callable<Integer> {

  @ParentCommand
  VigilCli root;

  @Mixin
  AwsOptions aws;

  @Override
  public Integer call() {
    var target = aws.resolve(root.env());
    var progress = root.progress();
    progress.step("initialising storage at " + target.describe());
    var out = root.spec.commandLine().getOut();
    try (var session = CollectionSession.open(target)) {
      for (var line : session.initializeStorage()) {
        out.println(line);
      }
    }
    out.flush();
    return VigilCli.OK;
  }
}
