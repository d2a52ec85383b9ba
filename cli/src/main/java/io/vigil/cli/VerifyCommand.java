package io.vigil.cli;

import io.micronaut.context.ApplicationContext;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.evidence.VerificationReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code vigil verify}: checks the tamper-evident evidence ledger end to end and names the first
 * problem. Exit 0 if intact, 1 if not (or if it could not be checked).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Verify the evidence ledger: every entry, manifest and evidence object.",
    description = {
        "Walks the evidence ledger in the table from its first entry, recomputes each entry's",
        "SHA-256 and its link to the previous entry, checks that no entry is missing, moved or",
        "cut off the end (against the head pointer), then reads each run manifest and every",
        "evidence object it lists from the bucket and recomputes their SHA-256.",
        "",
        "Prints 'verified N entries, M objects' and exits 0 when everything is as recorded.",
        "Otherwise prints the first problem, naming the ledger entry (sequence and unit) and the",
        "table item or s3:// object concerned, with the expected and the actual hash, and exits",
        "1: treat the evidence as tampered with and investigate (the bucket's object versions",
        "and the table's point-in-time recovery keep the originals).",
        "",
        "Reads only; progress goes to standard error.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil verify --endpoint-url http://127.0.0.1:5000",
        "  vigil verify --bucket my-evidence-bucket --table vigil          (real AWS)",
        "  vigil verify --bucket my-evidence-bucket --format json > verification.json"})
final class VerifyCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  /** Opens what verification needs for a target; replaceable in tests. */
  @FunctionalInterface
  interface VerifierSource {
    Verification open(AwsTarget target);
  }

  /** A verifier and whatever must be closed after it is used. */
  interface Verification extends AutoCloseable {
    LedgerVerifier verifier();

    @Override
    void close();
  }

  @ParentCommand
  VigilCli root;

  @Mixin
  AwsOptions aws;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: text (one line) or json (counts and the problem's fields: kind,"
          + " sequence, unitId, location, expected, actual, message). Default: ${DEFAULT-VALUE}.")
  Format format;

  VerifierSource source = VerifyCommand::openContext;

  @Override
  public Integer call() {
    var target = aws.resolve(root.env());
    var progress = root.progress();
    progress.step("verifying the evidence ledger in " + target.describe());
    VerificationReport report;
    try (var verification = source.open(target)) {
      report = verification.verifier().verify((entry, entries, objects) -> progress.step(
          "verified " + entry.describe() + ": " + objects + " objects so far"));
    } catch (ResourceNotFoundException e) {
      throw new CommandFailure("table " + target.table() + " does not exist at "
          + target.endpoint().orElse("AWS") + ": nothing to verify (see 'vigil init')", e);
    }
    var out = root.spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(Json.write(toJson(report)));
    } else {
      out.println(report.summary());
    }
    out.flush();
    if (report.intact()) {
      progress.step("the evidence ledger is intact");
      return VigilCli.OK;
    }
    progress.step("the evidence ledger is NOT intact (" + report.counts()
        + " before the first problem)");
    return VigilCli.FAILURE;
  }

  static Map<String, Object> toJson(VerificationReport report) {
    var m = new LinkedHashMap<String, Object>();
    m.put("intact", report.intact());
    m.put("entries", report.entries());
    m.put("objects", report.objects());
    m.put("manifests", report.manifests());
    m.put("evidenceObjects", report.evidenceObjects());
    m.put("summary", report.summary());
    report.problem().ifPresent(p -> {
      var problem = new LinkedHashMap<String, Object>();
      problem.put("kind", p.kind().name());
      problem.put("sequence", p.sequence());
      problem.put("unitId", p.unitId());
      problem.put("location", p.location());
      problem.put("expected", p.expected());
      problem.put("actual", p.actual());
      problem.put("message", p.message());
      m.put("problem", problem);
    });
    return m;
  }

  /** The collect-evidence function's beans for {@code target}, as Lambda would build them. */
  private static Verification openContext(AwsTarget target) {
    var context = ApplicationContext.builder().properties(target.properties()).start();
    return new Verification() {
      @Override
      public LedgerVerifier verifier() {
        return context.getBean(LedgerVerifier.class);
      }

      @Override
      public void close() {
        context.close();
      }
    };
  }
}
