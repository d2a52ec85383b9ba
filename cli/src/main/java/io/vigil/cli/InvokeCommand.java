package io.vigil.cli;

import io.vigil.functions.collectevidence.InvalidEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil invoke}: the local equivalent of {@code sam local invoke}. */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Run a function's handler in-process on an event file.",
    description = {
        "The local equivalent of 'sam local invoke': builds the function's handler as Lambda",
        "would, with the endpoint, table and bucket options as its configuration, passes it the",
        "event read from EVENT_FILE, and prints its response as JSON on standard output. Logs and",
        "progress go to standard error. Sample events: events/<function>/<scenario>.json.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil invoke collect-evidence events/collect-evidence/scheduled-run.json \\",
        "      --endpoint-url http://127.0.0.1:5000",
        "  vigil invoke collect-evidence events/collect-evidence/malformed-missing-time.json \\",
        "      --endpoint-url http://127.0.0.1:5000          (refused, nothing written: exit 1)",
        "  vigil invoke findings-api events/findings-api/create-finding.json \\",
        "      --endpoint-url http://127.0.0.1:5000"})
final class InvokeCommand implements Callable<Integer> {

  @ParentCommand
  VigilCli root;

  @Spec
  CommandSpec spec;

  @Mixin
  AwsOptions aws;

  @Mixin
  ScopeOptions scope;

  @Parameters(index = "0", paramLabel = "FUNCTION",
      description = "The function to run: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FunctionNames.class)
  String function;

  @Parameters(index = "1", paramLabel = "EVENT_FILE",
      description = "JSON file holding the event; samples in events/<function>/.")
  Path eventFile;

  @Override
  public Integer call() throws Exception {
    var fn = Functions.find(function).orElseThrow(() -> usage("unknown function '" + function
        + "'; known functions: " + String.join(", ", Functions.names())));
    var event = readEvent();
    var target = aws.resolve(root.env(), null, fn.needsBucket())
        .withScope(scope.properties(root.env()));
    var progress = root.progress();
    progress.step("invoking " + fn.name() + " against " + target.describe());
    Object response;
    try {
      response = fn.invoker().invoke(target, event, progress);
    } catch (InvalidEventException e) {
      throw new CommandFailure(fn.name() + " rejected the event in " + eventFile + ": "
          + e.getMessage(), e);
    }
    var out = root.spec.commandLine().getOut();
    out.println(Json.write(response));
    out.flush();
    return VigilCli.OK;
  }

  private Map<String, Object> readEvent() {
    if (!Files.isRegularFile(eventFile)) {
      throw usage("event file not found: " + eventFile);
    }
    try {
      return Json.parseObject(Files.readString(eventFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw usage("event file " + eventFile + " is not a JSON object: " + Failures.describe(e));
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** The registered function names, for the help text and shell completion. */
  static final class FunctionNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Functions.names().iterator();
    }
  }
}
