package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.IsolatedPackage;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda deployment package built in the package phase ({@code *-lambda.jar}), opened as
 * Lambda would use it:
 *
 * <ul>
 *   <li>it is at most 20 MiB (issue 10's target for a function's package) and holds none of what
 *       the shade filters and dependency exclusions leave out (FontBox's predefined CMaps and
 *       Unicode scripts table, the AFM metrics of the standard fonts other than Helvetica, STS);
 *   <li>alone on a class path of its own, it starts the handler, primes it (renders a PDF) and
 *       runs the weekly sample event end to end against the emulator, and the PDF it stored reads
 *       back with the report's title; every class and resource of the trimmed libraries (PDFBox,
 *       FontBox, the SDK's service modules) the package was asked for on the way was there.
 * </ul>
 *
 * <p>The path comes from failsafe ({@code vigil.lambda.jar}); run outside the build (no such
 * property) the test is skipped, but a path that is set and missing fails.
 */
@WithAwsEmulator
class LambdaPackageIT {

  /** Issue 10's target for a function's deployment package (compressed jar size). */
  static final long TARGET = 20L * 1024 * 1024;

  /** Entries the package must not hold (left out by the shade filters or exclusions). */
  static final List<String> LEFT_OUT = List.of(
      "org/apache/fontbox/cmap/Identity-H",
      "org/apache/fontbox/cmap/UniJIS-UCS2-H",
      "org/apache/fontbox/unicode/Scripts.txt",
      "org/apache/pdfbox/resources/afm/Times-Roman.afm",
      "org/apache/pdfbox/resources/afm/Courier.afm",
      "software/amazon/awssdk/services/sts/StsClient.class");

  /** What the reports need: their fonts' metrics, and PDFBox's last-resort font mapping. */
  static final List<String> KEPT = List.of(
      "org/apache/pdfbox/resources/afm/Helvetica.afm",
      "org/apache/pdfbox/resources/afm/Helvetica-Bold.afm",
      "org/apache/pdfbox/resources/afm/Helvetica-Oblique.afm",
      "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf",
      "org/apache/pdfbox/resources/glyphlist/glyphlist.txt",
      "org/apache/fontbox/cmap/CMapParser.class");

  /** Where the shade filters and exclusions trimmed the package. */
  static final List<String> TRIMMED = List.of("org/apache/pdfbox/", "org/apache/fontbox/",
      "software/amazon/awssdk/services/");

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String HANDLER = SummarizePerformanceHandler.class.getName();

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  static Path lambdaPackage() {
    var path = System.getProperty("vigil.lambda.jar");
    Assumptions.assumeTrue(path != null && !path.isBlank(),
        "vigil.lambda.jar is not set: run through the build (./mvnw verify)");
    var jar = Path.of(path);
    if (!Files.isRegularFile(jar)) {
      fail("deployment package " + jar + " was not built (maven-shade-plugin, package phase)");
    }
    return jar;
  }

  @Test
  void package_isAtMost20MiB_andLeavesOutWhatTheReportsNeverUse() throws IOException {
    var jar = lambdaPackage();
    long size = Files.size(jar);
    System.out.printf("%s: %,d bytes (%.2f MiB)%n", jar.getFileName(), size, size / 1048576.0);
    assertTrue(size <= TARGET, () -> jar.getFileName() + " is " + size + " bytes, over the"
        + " 20 MiB target (" + TARGET + ")");
    var entries = new TreeSet<String>();
    try (var zip = new ZipFile(jar.toFile())) {
      Collections.list(zip.entries()).forEach(e -> entries.add(e.getName()));
    }
    assertEquals(List.of(), LEFT_OUT.stream().filter(entries::contains).toList());
    assertEquals(List.of(), KEPT.stream().filter(e -> !entries.contains(e)).toList());
    assertTrue(entries.contains(HANDLER.replace('.', '/') + ".class"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void package_primesAndRunsTheSampleEvent_andItsPdfReadsBack() throws Exception {
    var jar = lambdaPackage();
    var table = "it-pkg-" + SUFFIX;
    var bucket = "it-pkg-" + SUFFIX;
    var bus = "it-pkg-bus-" + SUFFIX;
    var region = Region.of(emulator.region());
    var dynamo = clients.client(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class,
        software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder, region);
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        region);
    new VigilTable(table).createIfAbsent(dynamo);
    new EvidenceBucket(s3, bucket).createIfAbsent();
    clients.client(EventBridgeClient.class, EventBridgeClient::builder, region)
        .createEventBus(r -> r.name(bus));
    var props = SummarizePerformanceHandlerIT.properties(emulator, table, bucket,
        Map.of("vigil.event-bus-name", bus));
    var event = (Map<String, Object>) JsonReader.read(Files.readAllBytes(Path.of("..", "..",
        "events", "summarize-performance", "weekly-summary.json")));

    Map<String, Object> response;
    Set<String> missing;
    try (var isolated = new IsolatedPackage(jar, TRIMMED)) {
      var handler = isolated.handler(HANDLER, props);
      try {
        var priming = isolated.invoke(handler, "priming");
        assertEquals(true, isolated.invoke(priming, "prime"), "the warm-up renders the sample");
        response = (Map<String, Object>) isolated.handleRequest(handler, event);
      } finally {
        isolated.invoke(handler, "close");
      }
      missing = isolated.missing();
      System.out.println("resources read from the trimmed libraries: " + isolated.resources());
    }
    assertEquals(Set.of(), missing, "classes or resources the package was asked for and lacks");
    assertEquals("summary-2026-W49", response.get("summaryId"));
    assertEquals(false, response.get("duplicate"));
    var pdfKey = ((List<Map<String, Object>>) response.get("files")).stream()
        .filter(f -> "pdf".equals(f.get("format"))).map(f -> (String) f.get("key"))
        .findFirst().orElseThrow();
    var pdf = s3.getObjectAsBytes(r -> r.bucket(bucket).key(pdfKey)).asByteArray();
    try (var doc = Loader.loadPDF(pdf)) {
      var text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains((String) response.get("title")), text);
    }
  }
}
