package io.vigil.cli;

import io.vigil.domain.finding.Finding;
import io.vigil.emulator.MotoServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code vigil demo}: Vigil finding misconfigurations in an emulated AWS account. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Watch Vigil find misconfigurations in an emulated AWS account.",
    description = {
        "With no endpoint configured (no --endpoint-url, no AWS_ENDPOINT_URL) it starts",
        "moto_server on a free loopback port; then it creates the table and bucket, seeds a",
        "sample estate with deliberate misconfigurations (a public bucket, an unencrypted bucket,",
        "SSH open to the world, a console user without MFA, a weak password policy, no",
        "CloudTrail) next to well-configured resources, runs collect-evidence in-process with a",
        "scheduled event, and prints a summary: results per Annex A theme and the findings opened.",
        "It also records a sample organisation's ISMS registers (scope, a policy, five risks",
        "with approved treatments, an evidence task, a justified decision for each of the 93",
        "Annex A controls: events/registers/), prints its risks as the collected evidence flags",
        "them and the Statement of Applicability summary, and approves the SoA as version 1.",
        "The emulator it started is stopped at the end, also on failure or Ctrl-C.",
        "",
        "Exits 1 if any seeded misconfiguration is not reported by a finding. Never touches real",
        "AWS: with --endpoint-url it seeds and scans that emulator instead.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  ./vigil demo",
        "  vigil demo --endpoint-url http://localhost:4566      (LocalStack you started)"})
final class DemoCommand implements Callable<Integer> {

  static final String RULE_NAME = "vigil-cli-demo";

  @ParentCommand
  VigilCli root;

  @Mixin
  AwsOptions aws;

  @Override
  public Integer call() {
    var started = Instant.now();
    var progress = root.progress();
    var configured = aws.configuredEndpoint(root.env());
    MotoServer moto = null;
    try {
      AwsTarget target;
      if (configured.isPresent()) {
        target = aws.resolve(root.env());
      } else {
        progress.step("starting moto_server ...");
        moto = MotoServer.start();
        progress.step("moto_server is listening at " + moto.endpoint());
        target = aws.resolve(root.env(), moto.endpoint());
      }
      run(target, progress);
    } finally {
      if (moto != null) {
        moto.close();
        progress.step("stopped moto_server");
      }
    }
    progress.step("demo finished in " + seconds(Duration.between(started, Instant.now())));
    return VigilCli.OK;
  }

  private void run(AwsTarget target, ConsoleProgress progress) {
    var out = root.spec.commandLine().getOut();
    var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    try (var session = CollectionSession.open(target);
        var records = FindingsSession.open(target)) {
      progress.step("creating the table and bucket");
      session.initializeStorage().forEach(line -> progress.step("  " + line));
      var region = target.region().orElseThrow();
      var account = session.callerAccount();
      // recorded before the collection: an emulator's transactions may copy the whole table
      // (moto does), so the registers' ~200 items go in while it is small; everything they
      // derive, and the SoA, is read after the collection and reflects its evidence
      progress.step("recording the sample organisation's ISMS registers");
      RegistersDemo.seed(records.components(), account, region, today, progress);
      progress.step("seeding the sample estate");
      var expected = DemoEstate.seed(target.endpoint().orElseThrow(), region,
          line -> progress.step("  " + line));
      var event = ScheduledEvents.of(account, region, RULE_NAME, Instant.now());
      progress.step("running collect-evidence for account " + account + " in " + region);
      var collected = session.collect(event, progress);
      var response = collected.response();
      var results = CollectionSession.resultsOf(collected);
      var findings = SummaryPrinter.aboutRun(session.openFindings(), results);
      out.println("Vigil demo: emulated account " + account + " at " + target.endpoint().get());
      out.println();
      var catalogue = session.catalogue();
      new SummaryPrinter(out).print(response, results, findings, catalogue);
      SummaryPrinter.printControls(out, catalogue, results);
      progress.step("verifying the evidence ledger");
      var ledger = session.verifyLedger();
      out.println();
      out.println("Evidence ledger: " + ledger.summary());
      if (!ledger.intact()) {
        throw new CommandFailure("the evidence ledger does not verify: " + ledger.summary());
      }
      printNotification(out, collected, account, region);
      var missed = printDetected(out, expected, findings);
      RegistersDemo.report(out, records.components(), progress);
      AuditsDemo.printNextAudits(out, session.openFindings(), today);
      printManagementReviewPack(out, target, today, progress);
      if (!missed.isEmpty()) {
        throw new CommandFailure(missed.size() + " of " + expected.size()
            + " seeded misconfigurations were not reported: " + String.join("; ", missed));
      }
    }
  }

  /**
   * Writes the management review pack of the current quarter for the sample organisation (HTML,
   * PDF, Markdown) into a new temporary directory and prints the paths.
   */
  private static void printManagementReviewPack(PrintWriter out, AwsTarget target,
      java.time.LocalDate today, ConsoleProgress progress) {
    var quarter = io.vigil.domain.performance.Period.containing(
        io.vigil.domain.performance.Period.Kind.QUARTER, today);
    try {
      var dir = java.nio.file.Files.createTempDirectory("vigil-demo-report-");
      progress.step("writing the management review pack of " + quarter.id());
      var written = ReportCommand.write(target, quarter,
          io.vigil.functions.summarizeperformance.SummaryKind.MANAGEMENT_REVIEW,
          java.util.Set.of("html", "pdf", "md"), dir, progress);
      out.println();
      out.println("Management review pack " + quarter.id() + " (9.3, inputs a-g):");
      written.files().forEach(f -> out.println("  " + f));
      written.report().highlights().forEach(h -> out.println("  " + h));
    } catch (java.io.IOException e) {
      throw new CommandFailure("cannot write the management review pack: "
          + Failures.describe(e), e);
    }
  }

  /**
   * Prints the digest notification of the run as e-mail would carry it: the demo configures no
   * Slack webhook or mail sender, so it shows what would be sent (see README "Notifications").
   */
  private static void printNotification(PrintWriter out,
      io.vigil.functions.collectevidence.CollectEvidenceHandler.Collected collected,
      String account, String region) {
    if (collected.outcome() == null) {
      return;
    }
    var runCompleted = io.vigil.domain.notification.RunEvents.of(collected.outcome()).stream()
        .filter(e -> e instanceof io.vigil.domain.notification.RunCompleted).findFirst();
    if (runCompleted.isEmpty()) {
      return;
    }
    var event = runCompleted.get();
    var envelope = new java.util.LinkedHashMap<String, Object>();
    envelope.put("version", "0");
    envelope.put("id", java.util.UUID.randomUUID().toString());
    envelope.put("detail-type", event.detailType());
    envelope.put("source", "vigil");
    envelope.put("account", account);
    envelope.put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .toString());
    envelope.put("region", region);
    envelope.put("resources", List.of());
    envelope.put("detail", event.detail());
    @SuppressWarnings("unchecked")
    var email = (java.util.Map<String, Object>) io.vigil.functions.notify.NotifyHandler
        .preview(envelope).get("email");
    out.println();
    out.println("Notification (not sent: no Slack webhook or e-mail configured in the demo)");
    out.println("  Subject: " + email.get("subject"));
    for (var line : String.valueOf(email.get("text")).split("\n")) {
      out.println("  " + line);
    }
    out.flush();
  }

  /** Prints which seeded misconfiguration each finding reports; returns those none reports. */
  private static List<String> printDetected(
      PrintWriter out, List<DemoEstate.Misconfiguration> expected, List<Finding> findings) {
    var missed = new ArrayList<String>();
    out.println();
    var lines = new ArrayList<String>();
    for (var m : expected) {
      var by = findings.stream().filter(m::detectedBy).map(f -> String.valueOf(f.checkId()))
          .distinct().toList();
      if (by.isEmpty()) {
        missed.add(m.description());
        lines.add("  [ ] " + m.description());
        lines.add("        NOT REPORTED");
      } else {
        lines.add("  [x] " + m.description());
        lines.add("        reported by " + String.join(", ", by));
      }
    }
    out.println("Seeded misconfigurations reported: " + (expected.size() - missed.size())
        + " of " + expected.size());
    lines.forEach(out::println);
    out.flush();
    return missed;
  }

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
