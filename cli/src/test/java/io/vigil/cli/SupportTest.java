package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.BeanInstantiationException;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.collection.FindingPolicy;
import io.vigil.domain.collection.RunIds;
import io.vigil.domain.control.Theme;
import io.vigil.domain.evidence.Sha256;
import io.vigil.functions.collectevidence.CollectionTrigger;
import io.vigil.functions.collectevidence.VigilSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's small parts: option resolution, events, JSON, summary and error messages. */
class SupportTest {

  private static final Instant NOW = Instant.parse("2026-11-28T06:00:41.123Z");

  @Test
  void anEndpointBringsEmulatorDefaults() {
    var target = options().resolve(Map.<String, String>of("AWS_ENDPOINT_URL",
        "http://127.0.0.1:5000")::get);
    assertEquals("http://127.0.0.1:5000", target.endpoint().orElseThrow());
    assertEquals("eu-west-1", target.region().orElseThrow());
    assertEquals("vigil", target.table());
    assertEquals("vigil-evidence-local", target.bucket());
    var p = target.properties();
    assertEquals("test", p.get(AwsSettings.ACCESS_KEY_ID));
    assertEquals("test", p.get(AwsSettings.SECRET_ACCESS_KEY));
    assertEquals("vigil-evidence-local", p.get(VigilSettings.EVIDENCE_BUCKET));
  }

  @Test
  void optionsWinOverEnvironmentAndOwnCredentialsAreKept() {
    var o = options();
    o.endpointUrl = "http://localhost:4566";
    o.region = "eu-central-1";
    o.bucket = "b1";
    o.table = "t1";
    var env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_REGION", "us-east-1",
        "VIGIL_EVIDENCE_BUCKET", "b2", "AWS_ACCESS_KEY_ID", "AKIA...");
    var target = o.resolve(env::get);
    assertEquals("http://localhost:4566", target.endpoint().orElseThrow());
    assertEquals("eu-central-1", target.region().orElseThrow());
    assertEquals("b1", target.bucket());
    assertEquals("t1", target.table());
    assertEquals("", target.properties().get(AwsSettings.ACCESS_KEY_ID));
  }

  @Test
  void realAwsUsesTheSdkChainsAndTheConfiguredBucket() {
    var env = Map.of("VIGIL_EVIDENCE_BUCKET", "acme-evidence",
        "VIGIL_REGIONS", "eu-west-1,us-east-1", "VIGIL_ACCOUNTS", "111111111111",
        "VIGIL_MEMBER_ROLE_NAME", "VigilCollector");
    var target = options().resolve(env::get).withScope(new ScopeOptions().properties(env::get));
    assertTrue(target.endpoint().isEmpty());
    assertTrue(target.region().isEmpty());
    assertEquals("acme-evidence", target.bucket());
    assertEquals("eu-west-1,us-east-1", target.properties().get(VigilSettings.REGIONS));
    assertEquals("111111111111", target.properties().get(VigilSettings.ACCOUNTS));
    assertEquals("VigilCollector", target.properties().get(AwsSettings.MEMBER_ROLE_NAME));
    assertEquals("", target.properties().get(AwsSettings.ENDPOINT_URL));
    assertEquals("", target.properties().get(AwsSettings.ACCESS_KEY_ID));
  }

  @Test
  void theScheduledEventIsAcceptedAndSameMinuteMeansSameRun() {
    var event = ScheduledEvents.of("123456789012", "eu-west-1", "vigil-cli-collect", NOW);
    var trigger = CollectionTrigger.parse(event);
    assertEquals(Instant.parse("2026-11-28T06:00:00Z"), trigger.time());
    assertEquals("arn:aws:events:eu-west-1:123456789012:rule/vigil-cli-collect",
        trigger.scheduleArn());
    var later = CollectionTrigger.parse(ScheduledEvents.of("123456789012", "eu-west-1",
        "vigil-cli-collect", NOW.plusSeconds(15)));
    assertEquals(RunIds.of(trigger.scheduleArn(), trigger.time()),
        RunIds.of(later.scheduleArn(), later.time()));
  }

  @Test
  void resultsJsonHasTheDocumentedFields() throws IOException {
    var json = ResultsJson.write(List.of(result(CheckStatus.FAIL)));
    var tree = (List<?>) Json.parse(json);
    var element = (Map<?, ?>) tree.get(0);
    assertEquals(List.of("checkId", "status", "resourceArn", "resourceType", "accountId", "region",
        "controls", "severity", "evidenceSha256", "observedAt", "reason", "runId"),
        List.copyOf(element.keySet()));
    assertEquals(List.of("A.8.24", "A.5.33"), element.get("controls"));
    assertEquals("FAIL", element.get("status"));
    assertEquals("high", element.get("severity"));
    assertEquals("2026-11-28T06:00:00Z", element.get("observedAt"));
  }

  @Test
  void jsonRoundTripsAndNamesBadInput() throws IOException {
    var text = "{\"a\": [1, 2.5, true, null, \"x\\n\"], \"b\": {}}";
    var tree = Json.parseObject(text);
    assertEquals(tree, Json.parseObject(Json.write(tree)));
    assertThrows(IOException.class, () -> Json.parseObject("[1]"));
    assertThrows(IOException.class, () -> Json.parse("{} {}"));
    assertThrows(IOException.class, () -> Json.parse(""));
  }

  @Test
  void themesCountEachResultOncePerTheme() {
    var table = SummaryPrinter.byTheme(List.of(result(CheckStatus.FAIL), result(CheckStatus.PASS)));
    assertEquals(1, table.get(Theme.TECHNOLOGICAL).get(CheckStatus.FAIL));
    assertEquals(1, table.get(Theme.ORGANIZATIONAL).get(CheckStatus.PASS));
    assertTrue(table.get(Theme.PEOPLE).isEmpty());
  }

  @Test
  void aSeededMisconfigurationIsRecognisedByItsFinding() {
    var finding = FindingPolicy.defaults().findingFor(metadata(), result(CheckStatus.FAIL));
    var right = new DemoEstate.Misconfiguration("x", "s3", "vigil-demo-unencrypted",
        List.of("encrypt"));
    var wrongResource = new DemoEstate.Misconfiguration("x", "s3", "other", List.of());
    var wrongCheck = new DemoEstate.Misconfiguration("x", "s3", null, List.of("public"));
    assertTrue(right.detectedBy(finding));
    assertFalse(wrongResource.detectedBy(finding));
    assertFalse(wrongCheck.detectedBy(finding));
    assertEquals(List.of(finding), SummaryPrinter.aboutRun(List.of(finding),
        List.of(result(CheckStatus.FAIL))));
    assertEquals(List.of(), SummaryPrinter.aboutRun(List.of(finding),
        List.of(result(CheckStatus.PASS))));
  }

  @Test
  void failuresAreOneLineFromTheTellingCause() {
    var wrapped = new BeanInstantiationException("Error instantiating bean\nPath Taken: ...",
        new IllegalStateException("no evidence bucket configured\nmore"));
    assertEquals("no evidence bucket configured", Failures.describe(wrapped));
    assertEquals("NullPointerException", Failures.describe(new NullPointerException()));
  }

  @Test
  void theRegistryKnowsCollectEvidenceAndFindingsApi() {
    assertEquals(List.of("collect-evidence", "collect-evidence-queue", "findings-api",
        "notify", "summarize-performance"),
        Functions.names());
    assertTrue(Functions.find("collect-evidence").isPresent());
    assertTrue(Functions.find("collect-evidence").orElseThrow().needsBucket());
    assertTrue(!Functions.find("findings-api").orElseThrow().needsBucket());
    assertTrue(Functions.find("nope").isEmpty());
  }

  private static AwsOptions options() {
    return new AwsOptions();
  }

  private static CheckMetadata metadata() {
    return CheckMetadata.builder("s3_bucket_default_encryption_enabled")
        .title("S3 bucket has default encryption")
        .resourceType("AwsS3Bucket")
        .severity(Severity.HIGH)
        .primary("A.8.24")
        .supporting("A.5.33")
        .rationale("r")
        .remediation("fix it")
        .build();
  }

  private static CheckResult result(CheckStatus status) {
    var meta = metadata();
    return new CheckResult("run-1", meta.id(), status, "123456789012", "eu-west-1",
        "arn:aws:s3:::vigil-demo-unencrypted", meta.resourceType(), meta.controlIds(),
        meta.severity(), Instant.parse("2026-11-28T06:00:00Z"), Sha256.of("evidence"),
        "no default encryption");
  }
}
