package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.finding.Treatment;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/**
 * {@code vigil report} against the test emulator: the pack of a period from a table's records,
 * the OSCAL documents, nothing written to the table; usage errors; and {@code vigil invoke
 * summarize-performance} on a sample event.
 */
@WithAwsEmulator
class ReportCommandIT {

  private static final Map<String, String> NO_ENV = Map.of();
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

  /** A table with a failing and a passing check, an open finding with an overdue action. */
  private static String[] seeded(AwsEmulator aws, String table) {
    try (var clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()))) {
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
          Region.of(aws.region()));
      new VigilTable(table).createIfAbsent(dynamo);
      var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
      var at = Instant.parse("2026-11-27T06:00:00Z");
      new DynamoDbResultRepository(enhanced, table).saveAll(List.of(
          result("s3_bucket_public_access_blocked", CheckStatus.FAIL, "arn:aws:s3:::open", at),
          result("s3_bucket_default_encryption_enabled", CheckStatus.PASS, "arn:aws:s3:::open",
              at)));
      var findings = new DynamoDbFindingRepository(enhanced, table, Clock.system());
      var raised = Instant.parse("2026-08-01T09:00:00Z");
      var open = new Finding(FindingId.of("F-cli-" + SUFFIX), FindingType.MINOR_NONCONFORMITY,
          FindingSource.INTERNAL_AUDIT, FindingStatus.OPEN, "No access reviews",
          "None in 2026", Severity.MEDIUM, List.of(ControlId.parse("A.5.18")), List.of(), null,
          null, null, null, raised, LocalDate.parse("2026-12-31"), "owner@acme.example", null,
          null, null, null, null, Treatment.none(), 0);
      findings.create(open, new HistoryEntry(raised, "auditor@acme.example",
          HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, List.of(), null, 0));
      findings.addAction(new CorrectiveAction("A-cli-" + SUFFIX, open.id(),
              "Review access quarterly", "owner@acme.example", LocalDate.parse("2026-10-01"),
              ActionStatus.PLANNED, null, null, null, 0),
          new HistoryEntry(raised, "owner@acme.example", HistoryEntry.Kind.ACTION_ADDED,
              FindingStatus.OPEN, FindingStatus.OPEN, List.of(), "A-cli-" + SUFFIX, 0));
    }
    return new String[] {"--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", table};
  }

  private static CheckResult result(String check, CheckStatus status, String arn, Instant at) {
    return new CheckResult("run-" + SUFFIX, CheckId.of(check), status, "123456789012",
        "eu-west-1", arn, "AWS::S3::Bucket", List.of(ControlId.parse("A.8.3")), Severity.HIGH,
        at, Sha256.of(check + arn), status.name());
  }

  private static String[] args(String[] storage, String... more) {
    var all = new String[more.length + storage.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(storage, 0, all, more.length, storage.length);
    return all;
  }

  private static int measureItems(AwsEmulator aws, String table) {
    try (var clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()))) {
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
          Region.of(aws.region()));
      return dynamo.scan(r -> r.tableName(table).filterExpression("begins_with(PK, :p)")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("MEASURE#"))))
          .count();
    }
  }

  @Test
  void writesThePackAndTheOscalDocuments_andNothingToTheTable(AwsEmulator aws,
      @TempDir Path dir) throws IOException {
    var table = "vigil-it-report-" + SUFFIX;
    var storage = seeded(aws, table);
    var out = dir.resolve("pack");

    var run = CliRunner.run(NO_ENV, args(storage, "report", "--period", "2026-Q3", "--output",
        out.toString(), "--format", "html,pdf,md,oscal"));

    assertEquals(0, run.exitCode(), run.err());
    var html = out.resolve("management-review-2026-Q3.html");
    var pdf = out.resolve("management-review-2026-Q3.pdf");
    var md = out.resolve("management-review-2026-Q3.md");
    var assessment = out.resolve("assessment-results.json");
    var poam = out.resolve("poam.json");
    var lines = run.out().lines().toList();
    assertEquals(List.of(html.toString(), pdf.toString(), md.toString(), assessment.toString(),
        poam.toString()), lines.subList(0, 5), run.out());
    assertEquals("Management review 2026-Q3:", lines.get(5));
    assertTrue(lines.contains("  Open findings: 1"), run.out());
    assertTrue(lines.contains("  Overdue corrective actions: 1"), run.out());
    assertTrue(lines.contains("  Control pass rate: 50.0 %"), run.out());

    var text = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(text.contains("<svg"), "inline charts");
    assertTrue(text.contains("g) Opportunities for continual improvement"), "9.3.2 g)");
    assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
    assertTrue(Files.readString(md).contains("Decisions of the review"));
    var results = (Map<?, ?>) Json.parse(Files.readString(assessment));
    assertTrue(results.containsKey("assessment-results"), results.keySet().toString());
    assertTrue(Files.readString(assessment).contains("s3_bucket_public_access_blocked"));
    var plan = (Map<?, ?>) Json.parse(Files.readString(poam));
    assertTrue(plan.containsKey("plan-of-action-and-milestones"), plan.keySet().toString());
    assertTrue(Files.readString(poam).contains("Review access quarterly"));

    assertEquals(0, measureItems(aws, table), "the CLI stores no measure results");
  }

  @Test
  void aWeeklySummaryInOneFormat(AwsEmulator aws, @TempDir Path dir) throws IOException {
    var storage = seeded(aws, "vigil-it-report-week-" + SUFFIX);

    var run = CliRunner.run(NO_ENV, args(storage, "report", "--period", "2026-w47", "--kind",
        "summary", "--format", "md", "--output", dir.toString()));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(dir.resolve("summary-2026-W47.md").toString()),
        run.out().lines().limit(1).toList());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    assertTrue(run.out().contains("Information security performance summary 2026-W47:"),
        run.out());
  }

  @Test
  void usageErrorsExitTwo_andAMissingTableOne(AwsEmulator aws, @TempDir Path dir) {
    var storage = new String[] {"--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", "vigil-it-missing-" + SUFFIX};
    var period = CliRunner.run(NO_ENV, args(storage, "report", "--period", "2026-13",
        "--output", dir.toString()));
    assertEquals(2, period.exitCode(), period.err());
    assertTrue(period.err().contains("2026-13"), period.err());
    var format = CliRunner.run(NO_ENV, args(storage, "report", "--period", "2026-11",
        "--format", "html,docx", "--output", dir.toString()));
    assertEquals(2, format.exitCode(), format.err());
    assertTrue(format.err().contains("'docx' is not a format"), format.err());
    var kind = CliRunner.run(NO_ENV, args(storage, "report", "--period", "2026-11",
        "--kind", "annual", "--output", dir.toString()));
    assertEquals(2, kind.exitCode(), kind.err());
    var missing = CliRunner.run(NO_ENV, args(storage, "report", "--period", "2026-11",
        "--output", dir.toString()));
    assertEquals(1, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("does not exist"), missing.err());
    assertFalse(missing.out().contains(".html"), missing.out());
  }

  @Test
  void invokeRunsSummarizePerformanceOnTheSampleEvent(AwsEmulator aws) throws IOException {
    try (var clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()))) {
      clients.client(EventBridgeClient.class, EventBridgeClient::builder,
          Region.of(aws.region())).createEventBus(r -> r.name("vigil"));
    } catch (ResourceAlreadyExistsException exists) {
      // another test of this JVM made the default bus
    }
    var storage = new String[] {"--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", "vigil-it-invoke-sp-" + SUFFIX, "--bucket", "vigil-it-invoke-sp-" + SUFFIX};
    assertEquals(0, CliRunner.run(NO_ENV, args(storage, "init")).exitCode());
    var event = Path.of("..", "events", "summarize-performance", "management-review-month.json");

    var first = CliRunner.run(NO_ENV, args(storage, "invoke", "summarize-performance",
        event.toString()));

    assertEquals(0, first.exitCode(), first.err());
    var response = Json.parseObject(first.out());
    assertEquals("management-review-2026-11", response.get("summaryId"));
    assertEquals(Boolean.FALSE, response.get("duplicate"));
    var again = Json.parseObject(CliRunner.run(NO_ENV, args(storage, "invoke",
        "summarize-performance", event.toString())).out());
    assertEquals(Boolean.TRUE, again.get("duplicate"));
    assertEquals(response.get("manifestSha256"), again.get("manifestSha256"));
    var bad = CliRunner.run(NO_ENV, args(storage, "invoke", "summarize-performance",
        Path.of("..", "events", "summarize-performance", "bad-period.json").toString()));
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("field 'detail.period'"), bad.err());
  }
}
