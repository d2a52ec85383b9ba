package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issue's acceptance check: the HTML management review pack opens in headless Chromium (Debian
 * package {@code chromium}), renders its charts and logs no console errors; the screenshot is kept
 * as a test artifact, {@code target/report-artifacts/management-review.png}.
 *
 * <p>Chromium is found as {@code $VIGIL_CHROMIUM}, or {@code chromium} or {@code chromium-browser}
 * on the PATH. Without it the test fails and says how to install it; set
 * {@code VIGIL_SKIP_BROWSER_TESTS=true} to skip it deliberately.
 */
class ManagementReviewBrowserIT {

  private static final Path SCREENSHOT = Artifacts.DIR.resolve("management-review.png");
  private static final long TIMEOUT_SECONDS = 120;

  private static String chromium;
  private static Report pack;
  private static Path page;

  private static boolean skipped() {
    return "true".equalsIgnoreCase(System.getenv("VIGIL_SKIP_BROWSER_TESTS"));
  }

  @BeforeAll
  static void setUp() {
    if (skipped()) {
      return;
    }
    chromium = findChromium();
    pack = new Sample().managementReview();
    page = Artifacts.write("management-review.html", ReportHtml.render(pack));
  }

  @BeforeEach
  void skipWhenAskedTo() {
    Assumptions.assumeFalse(skipped(),
        "VIGIL_SKIP_BROWSER_TESTS=true: the headless Chromium check is skipped");
  }

  static String findChromium() {
    var configured = System.getenv("VIGIL_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        fail("VIGIL_CHROMIUM=" + configured + " is not an executable file");
      }
      return configured;
    }
    var path = System.getenv().getOrDefault("PATH", "");
    for (var name : List.of("chromium", "chromium-browser")) {
      for (var dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return fail("Chromium is not installed, so the HTML report cannot be checked in a browser."
        + " Install it (Debian: sudo apt-get install -y --no-install-recommends chromium), or set"
        + " VIGIL_CHROMIUM to the browser's path, or set VIGIL_SKIP_BROWSER_TESTS=true to skip"
        + " this check deliberately.");
  }

  /** The outcome of one Chromium run. */
  record Run(int exit, String stdout, String stderr) {
    /** Console messages (any: the page has no scripts) and uncaught errors Chromium logged. */
    List<String> consoleErrors() {
      var out = new ArrayList<String>();
      for (var line : stderr.split("\\R")) {
        if (line.contains("CONSOLE") || line.contains("Uncaught")) {
          out.add(line);
        }
      }
      return out;
    }
  }

  static Run run(String name, List<String> args) throws IOException, InterruptedException {
    var profile = Files.createDirectories(Path.of("target", "chromium-profile", name));
    var command = new ArrayList<String>();
    command.add(chromium);
    command.addAll(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath()));
    command.addAll(args);
    var out = Artifacts.DIR.resolve(name + ".stdout");
    var err = Artifacts.DIR.resolve(name + ".stderr.log");
    var process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void opensRendersItsChartsAndLogsNoConsoleErrors() throws Exception {
    Files.deleteIfExists(SCREENSHOT);
    var run = run("screenshot", List.of("--screenshot=" + SCREENSHOT.toAbsolutePath(),
        "--window-size=1280,4000", "--enable-logging=stderr", "--v=0",
        page.toAbsolutePath().toUri().toString()));
    assertEquals(0, run.exit(), "chromium exit code; stderr:\n" + run.stderr());
    assertTrue(Files.exists(SCREENSHOT), "screenshot written");
    long size = Files.size(SCREENSHOT);
    assertTrue(size > 20 * 1024, "a screenshot of a rendered page, not a blank one: " + size);
    assertEquals(List.of(), run.consoleErrors());

    var image = ImageIO.read(SCREENSHOT.toFile());
    assertEquals(1280, image.getWidth());
    assertEquals(4000, image.getHeight());
    // the charts' bars and lines are drawn in the accent colour #0b5cad
    int accent = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.abs(r - 0x0b) < 24 && Math.abs(g - 0x5c) < 24 && Math.abs(b - 0xad) < 24) {
          accent++;
        }
      }
    }
    assertTrue(accent > 2000, "chart pixels in the screenshot: " + accent);
  }

  @Test
  void theRenderedDomHoldsTheSvgCharts() throws Exception {
    var run = run("dump-dom", List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
        page.toAbsolutePath().toUri().toString()));
    assertEquals(0, run.exit(), "chromium exit code; stderr:\n" + run.stderr());
    assertEquals(List.of(), run.consoleErrors());
    var dom = run.stdout();
    Artifacts.write("management-review.dom.html", dom);
    var charts = pack.sections().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b instanceof Chart).map(b -> (Chart) b).toList();
    var svgs = ReportHtmlTest.svgs(dom);
    assertEquals(charts.size(), svgs.size(), "one svg per chart in the DOM");
    for (var chart : charts) {
      assertTrue(svgs.stream().anyMatch(s -> s.contains("<title id=\"") && s.contains(">"
          + io.vigil.domain.report.Html.escape(chart.title()) + "</title>")), chart.title());
    }
    assertTrue(dom.contains("<path class=\"series\""), "trend lines");
    assertTrue(dom.contains("<rect "), "bars");
    for (var letter : List.of("a) ", "b) ", "c) ", "d) ", "e) ", "f) ", "g) ")) {
      assertTrue(dom.contains(">" + letter), letter);
    }
    assertFalse(dom.toLowerCase().contains("<script"), "no script in the DOM");
  }

  @Test
  void theConsoleCheckCatchesAScriptError() throws Exception {
    // the negative control: a page that does log an error is caught by the same check
    var bad = Artifacts.write("console-error.html", "<!DOCTYPE html><html><body><p>x</p>"
        + "<script>undefinedFunction();</script></body></html>");
    var run = run("console-error", List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
        bad.toAbsolutePath().toUri().toString()));
    assertEquals(0, run.exit(), run.stderr());
    assertFalse(run.consoleErrors().isEmpty(), "the script error is detected:\n" + run.stderr());
    assertTrue(run.consoleErrors().stream().anyMatch(l -> l.contains("undefinedFunction")));
  }
}
