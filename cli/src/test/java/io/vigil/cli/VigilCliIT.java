package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.collection.RunIds;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real commands, in-process, against the test emulator (moto started once per JVM, or
 * {@code VIGIL_TEST_ENDPOINT}). Each test uses its own table and bucket.
 */
@WithAwsEmulator
class VigilCliIT {

  private static final Map<String, String> NO_ENV = Map.of();
  private static final List<String> DOCUMENTED_FIELDS = List.of("checkId", "status",
      "resourceArn", "resourceType", "accountId", "region", "controls", "severity",
      "evidenceSha256", "observedAt", "reason", "runId");

  @Test
  void initTwiceCreatesThenFindsTheTableAndBucket(AwsEmulator aws) {
    var storage = storageOptions(aws);
    var first = CliRunner.run(NO_ENV, args("init", storage));
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("created"), first.out());
    var second = CliRunner.run(NO_ENV, args("init", storage));
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().contains("already exists"), second.out());
    assertFalse(second.out().contains("created"), second.out());
  }

  @Test
  void collectWritesTheDocumentedJsonWithAFailPerSeededMisconfiguration(
      AwsEmulator aws, @TempDir Path dir) throws Exception {
    var storage = storageOptions(aws);
    assertEquals(0, CliRunner.run(NO_ENV, args("init", storage)).exitCode());
    var seeded = DemoEstate.seed(aws.endpoint(), aws.region(), line -> { });
    var output = dir.resolve("out").resolve("r.json");

    var run = CliRunner.run(NO_ENV, args("collect", storage, "--output", output.toString()));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out(), "results go to the file, not stdout");
    assertTrue(run.err().contains("evaluated "), "progress on stderr: " + run.err());
    var results = (List<?>) Json.parse(Files.readString(output));
    assertFalse(results.isEmpty());
    for (var item : results) {
      var element = (Map<?, ?>) item;
      assertTrue(element.keySet().containsAll(DOCUMENTED_FIELDS), element.toString());
      assertTrue(element.get("status").toString().matches("PASS|FAIL|ERROR|NOT_APPLICABLE"));
      assertTrue(element.get("accountId").toString().matches("\\d{12}"));
      assertTrue(element.get("evidenceSha256").toString().matches("[0-9a-f]{64}"));
      Instant.parse(element.get("observedAt").toString());
      for (var control : (List<?>) element.get("controls")) {
        assertTrue(control.toString().matches("A\\.[5-8]\\.\\d{1,2}"), control.toString());
      }
    }
    var missed = new ArrayList<String>();
    for (var m : seeded) {
      boolean failed = results.stream().map(r -> (Map<?, ?>) r)
          .anyMatch(r -> "FAIL".equals(r.get("status"))
              && m.matches(r.get("checkId").toString(), r.get("resourceArn").toString()));
      if (!failed) {
        missed.add(m.description());
      }
    }
    assertEquals(List.of(), missed, "seeded misconfigurations without a FAIL result");
    assertTrue(results.stream().map(r -> (Map<?, ?>) r)
        .anyMatch(r -> "PASS".equals(r.get("status"))));

    // the same results roll up per Annex A control, offline
    var controls = CliRunner.run(NO_ENV, "controls", "--results", output.toString(), "--format",
        "json");
    assertEquals(0, controls.exitCode(), controls.err());
    var rows = ((List<?>) Json.parse(controls.out())).stream().map(r -> (Map<?, ?>) r).toList();
    assertEquals(93, rows.size());
    var a85 = rows.stream().filter(r -> "A.8.5".equals(r.get("control"))).findFirst().orElseThrow();
    assertEquals("FAIL", a85.get("status"), "no MFA on the console user: " + a85);

    // a second collection is a new run; its OCSF and CSV forms carry every result again
    var ocsf = CliRunner.run(NO_ENV, args("collect", storage, "--format", "ocsf"));
    assertEquals(0, ocsf.exitCode(), ocsf.err());
    var events = (List<?>) Json.parse(ocsf.out());
    assertEquals(results.size(), events.size(), "unchanged results are still reported");
    assertTrue(events.stream().map(e -> (Map<?, ?>) e)
        .allMatch(e -> ((Number) e.get("class_uid")).intValue() == 2003));
    assertTrue(ocsf.err().contains("0 result(s) changed"), ocsf.err());
    var csv = CliRunner.run(NO_ENV, args("collect", storage, "--format", "csv"));
    assertEquals(results.size() + 1, csv.out().split("\r\n").length, "header + one row each");

    // the ledger holds one verifiable entry per collection
    var verify = CliRunner.run(NO_ENV, args("verify", storage));
    assertEquals(0, verify.exitCode(), verify.out() + verify.err());
    assertTrue(verify.out().startsWith("verified 3 entries"), verify.out());
  }

  @Test
  void invokeRunsTheHandlerOnAnEventFileAndPrintsItsResponse(AwsEmulator aws) throws Exception {
    var storage = storageOptions(aws);
    assertEquals(0, CliRunner.run(NO_ENV, args("init", storage)).exitCode());
    var event = Path.of("..", "events", "collect-evidence", "scheduled-run.json");
    assertTrue(Files.isRegularFile(event), "sample event " + event.toAbsolutePath());

    var invoke = args("invoke", storage, "collect-evidence", event.toString());
    var first = CliRunner.run(NO_ENV, invoke);

    assertEquals(0, first.exitCode(), first.err());
    var response = Json.parseObject(first.out());
    var expectedRun = RunIds.of(
        "arn:aws:events:eu-west-1:123456789012:rule/vigil-collect-evidence-daily",
        Instant.parse("2026-11-28T06:00:00Z"));
    assertEquals(expectedRun, response.get("runId"));
    assertEquals(Boolean.FALSE, response.get("duplicate"));

    var again = CliRunner.run(NO_ENV, invoke);
    assertEquals(0, again.exitCode(), again.err());
    var second = Json.parseObject(again.out());
    assertEquals(expectedRun, second.get("runId"));
    assertEquals(Boolean.TRUE, second.get("duplicate"),
        "the same event delivered twice is one run");
  }

  @Test
  void invokeRefusesAMalformedEventWithExitOne(AwsEmulator aws) {
    var event = Path.of("..", "events", "collect-evidence", "malformed-missing-time.json");
    var run = CliRunner.run(NO_ENV, args("invoke", storageOptions(aws), "collect-evidence",
        event.toString()));
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("field 'time' is missing"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void demoFindsEverySeededMisconfiguration(AwsEmulator aws) throws java.io.IOException {
    var demoArgs = aws.isEmbeddedMoto()
        ? new String[] {"demo"}
        : args("demo", storageOptions(aws));

    var run = CliRunner.run(NO_ENV, demoArgs);

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Seeded misconfigurations reported: 6 of 6"), run.out());
    // the demo ends with the management review pack of the quarter, written as files
    var pack = run.out().lines().filter(l -> l.strip().endsWith(".pdf")).findFirst()
        .orElseThrow(() -> new AssertionError("no pack path in:\n" + run.out()));
    var pdf = java.nio.file.Path.of(pack.strip());
    assertTrue(java.nio.file.Files.size(pdf) > 5_000, pdf + " is a real PDF");
    assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(pack.strip()
        .replaceAll("\\.pdf$", ".html"))));
    assertTrue(run.out().contains("Management review pack "), run.out());
    for (var check : List.of("s3_bucket_public_access_blocked",
        "s3_bucket_default_encryption_enabled", "iam_user_console_mfa_enabled",
        "iam_password_policy_strong", "cloudtrail")) {
      assertTrue(run.out().contains(check), check + " in:\n" + run.out());
    }
    assertTrue(run.out().contains("A.8 Technological"), run.out());
    assertTrue(run.out().contains("arn:aws:s3:::" + DemoEstate.PUBLIC_BUCKET), run.out());
    // the sample organisation's registers and its Statement of Applicability, approved
    assertTrue(run.out().contains(RegistersDemo.HEADING), run.out());
    assertTrue(run.out().contains("5 risks (method 5 × 5, acceptance threshold 4)"), run.out());
    assertTrue(run.out().contains("FLAGGED: failing evidence on A.8.3"),
        "the public bucket flags the data exposure risk:\n" + run.out());
    var soa = java.util.regex.Pattern.compile("93 controls: 91 applicable, 2 excluded, (\\d+)"
        + " implemented, (\\d+) partially implemented, (\\d+) not assessed, (\\d+) with"
        + " failing evidence").matcher(run.out());
    assertTrue(soa.find(), run.out());
    assertEquals(91, Integer.parseInt(soa.group(1)) + Integer.parseInt(soa.group(2))
        + Integer.parseInt(soa.group(3)), "every applicable control has a status");
    assertTrue(Integer.parseInt(soa.group(4)) >= 5, "the seeded misconfigurations fail checks"
        + " of several controls: " + soa.group());
    assertTrue(run.out().matches("(?s).*approved as version 1 by alice@acme\\.example at \\S+,"
        + " sha256 [0-9a-f]{64}.*"), run.out());
    if (aws.isEmbeddedMoto()) {
      assertTrue(run.err().contains("stopped moto_server"), run.err());
    }
  }

  private static String[] storageOptions(AwsEmulator aws) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    return new String[] {"--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", "vigil-it-" + suffix, "--bucket", "vigil-it-" + suffix};
  }

  private static String[] args(String command, String[] options, String... more) {
    var all = new ArrayList<String>();
    all.add(command);
    all.addAll(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
