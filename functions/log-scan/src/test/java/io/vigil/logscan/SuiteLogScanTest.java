package io.vigil.logscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vigil.emulator.junit.Canaries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: no test of the suite writes a secret to its output. After every other module of
 * {@code ./mvnw verify} has run its tests and integration tests (this module depends on the last
 * ones, see its pom), every test report of the source tree ({@link TestReports}: each test
 * class's redirected standard output and error, the summaries, the XML reports with their failure
 * messages and stack traces) is scanned ({@link SecretScanner}) for Slack webhook URLs, AWS secret
 * access keys, AWS session tokens, bearer JWTs and the canary secrets the scenarios use ({@link
 * Canaries}). A finding names file and line, the secret masked.
 *
 * <p>It needs the reports: run on its own, with none there, it fails and says so; {@code
 * -Dvigil.logscan.skip=true} skips it.
 */
class SuiteLogScanTest {

  @Test
  void noTestOutputOfTheSuiteHoldsASecret() throws IOException {
    assumeFalse(Boolean.getBoolean("vigil.logscan.skip"), "-Dvigil.logscan.skip=true");
    var root = Path.of(System.getProperty("vigil.repo.root", "../..")).toAbsolutePath()
        .normalize();
    var self = Path.of("").toAbsolutePath().normalize();
    var found = TestReports.find(root, self);
    if (found.files().isEmpty() || found.outputs().isEmpty()) {
      fail("no test reports to scan under " + root + " (" + found.files().size() + " report"
          + " files, " + found.outputs().size() + " *-output.txt): the log scan runs after the"
          + " other modules' tests in './mvnw verify' and reads their target/surefire-reports"
          + " and target/failsafe-reports (with redirectTestOutputToFile, see the root pom)."
          + " Run it there, or skip it with -Dvigil.logscan.skip=true");
    }
    var scanner = new SecretScanner(Canaries.secrets());
    var hits = new ArrayList<String>();
    long lines = 0;
    var modules = new TreeSet<Path>();
    for (var file : found.files()) {
      var scan = scanner.scan(file);
      lines += scan.lines();
      scan.hits().forEach(h -> hits.add(root.relativize(h.file()) + ":" + h.line() + ": "
          + h.kind().label + " " + h.masked()));
      modules.add(root.relativize(file.getParent().getParent().getParent()));
    }
    System.out.printf("log scan: %d report files (%d test output files) of %d modules, %d lines,"
        + " %d finding(s)%n", found.files().size(), found.outputs().size(), modules.size(), lines,
        hits.size());
    assertEquals(new ArrayList<String>(), hits, "secrets in the output of the suite's tests");
  }
}
