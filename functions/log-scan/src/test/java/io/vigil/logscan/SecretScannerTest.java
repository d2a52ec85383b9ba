package io.vigil.logscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.emulator.junit.Canaries;
import io.vigil.logscan.SecretScanner.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner's negative controls: a file with one secret of each kind on its own line is
 * flagged line by line, the secret masked; the canaries are found in any context; ordinary test
 * output (and look-alikes that are not secrets) passes; the report finder picks the report
 * directories' files only.
 */
class SecretScannerTest {

  // made-up secrets, each in the form the scanner must know (built at run time, so that this
  // source file is no match for a secret scanner of its own)
  private static final String WEBHOOK = "https://hooks.slack.com/services/" + "T024BE7LD/"
      + "B01ABCDEFGH/" + "q7Xz9mK2pL4vN8rT1sW3yU6a";
  private static final String SECRET_KEY = "Zq8mW3xK" + "9vB2nL5pR7tY1uI4oE6aS0dF/gH+jK3l";
  private static final String SESSION = "IQoJb3JpZ2luX2Vj" + "EJr//////////wEaCWV1LXdlc3QtMSJH";
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJhbGljZSJ9"
      + ".c2lnbmF0dXJl";

  @Test
  void eachKindOfSecretIsFlaggedByLineAndMasked(@TempDir Path dir) throws IOException {
    var file = dir.resolve("X-output.txt");
    Files.write(file, List.of(
        "INFO starting",
        "WARN posting to " + WEBHOOK + " failed",
        "DEBUG credentials aws_secret_access_key=" + SECRET_KEY,
        "{\"secretAccessKey\": \"" + SECRET_KEY + "\"}",
        "GET /x?X-Amz-Security-Token=" + SESSION + "&X-Amz-Signature=abc",
        "aws_session_token = " + SESSION,
        "authorization: Bearer " + JWT,
        "POST http://127.0.0.1:4567/services/T0LEAK1/B0LEAK1/xoxSECRETtoken12ab -> 500",
        "INFO done"), StandardCharsets.UTF_8);
    var scan = new SecretScanner(List.of()).scan(file);
    assertEquals(9, scan.lines());
    var hits = scan.hits();
    assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), hits.stream().map(SecretScanner.Hit::line)
        .toList(), hits.toString());
    assertEquals(List.of(Kind.SLACK_WEBHOOK, Kind.AWS_SECRET_KEY, Kind.AWS_SECRET_KEY,
        Kind.AWS_SESSION_TOKEN, Kind.AWS_SESSION_TOKEN, Kind.BEARER_JWT, Kind.SLACK_WEBHOOK),
        hits.stream().map(SecretScanner.Hit::kind).toList());
    for (var h : hits) {
      var text = h.toString();
      for (var secret : List.of(WEBHOOK, SECRET_KEY, SESSION, JWT, "xoxSECRETtoken12ab")) {
        assertFalse(text.contains(secret.substring(4, 16)), "masked: " + text);
      }
      assertTrue(text.startsWith(file + ":" + h.line() + ": "), text);
    }
    assertEquals("Zq8m*** (40 characters)", hits.get(1).masked());
  }

  @Test
  void theCanariesAreFoundAnywhere(@TempDir Path dir) throws IOException {
    var file = dir.resolve("TEST-x.xml");
    var lines = Canaries.secrets().stream().map(c -> "<system-out>x" + c + "y</system-out>")
        .toList();
    Files.write(file, lines, StandardCharsets.UTF_8);
    var hits = new SecretScanner(Canaries.secrets()).scan(file).hits();
    assertEquals(Canaries.secrets().size(), hits.size(), hits.toString());
    assertTrue(hits.stream().allMatch(h -> h.kind() == Kind.CANARY), hits.toString());
    // and without being told the values, their form alone gives them away
    var unknown = new SecretScanner(List.of()).scan(file).hits();
    assertEquals(List.of(Kind.AWS_SESSION_TOKEN, Kind.SLACK_WEBHOOK, Kind.SLACK_WEBHOOK,
        Kind.BEARER_JWT), unknown.stream().map(SecretScanner.Hit::kind).toList(),
        unknown.toString());
  }

  @Test
  void ordinaryTestOutputPasses(@TempDir Path dir) throws IOException {
    var file = dir.resolve("Y-output.txt");
    Files.write(file, List.of(
        "[main] INFO io.vigil.functions.notify.Notifier - delivered to slack in 12 ms",
        "webhook: [redacted]; see hooks.slack.com/services/… in the README",
        "credentials: AwsCredentials(accessKeyId=AKIAVIGILCANARY00001)",
        "vigil.aws.secret-access-key=test",
        "secretAccessKey: " + "x".repeat(39),
        "X-Amz-Signature=" + "a".repeat(64) + "&X-Amz-Expires=604800",
        "sha256 " + "0123456789abcdef".repeat(4),
        "eyJ is where a JWT starts; eyJabc alone is not one",
        "/services/findings/F-1 200"), StandardCharsets.UTF_8);
    assertEquals(List.of(), new SecretScanner(Canaries.secrets()).scan(file).hits());
  }

  @Test
  void theFinderTakesTheReportDirectoriesFilesOnly(@TempDir Path root) throws IOException {
    var reports = Files.createDirectories(root.resolve("a/target/surefire-reports"));
    var failsafe = Files.createDirectories(root.resolve("b/c/target/failsafe-reports"));
    var self = Files.createDirectories(root.resolve("self/target/surefire-reports"));
    var elsewhere = Files.createDirectories(root.resolve("a/target/classes"));
    for (var f : List.of(reports.resolve("A-output.txt"), reports.resolve("A.txt"),
        reports.resolve("TEST-A.xml"), failsafe.resolve("B-output.txt"),
        failsafe.resolve("x.dumpstream"), self.resolve("S-output.txt"),
        elsewhere.resolve("c.txt"), reports.resolve("a.bin"))) {
      Files.writeString(f, "x");
    }
    var found = TestReports.find(root, root.resolve("self"));
    assertEquals(List.of(reports.resolve("A-output.txt"), reports.resolve("A.txt"),
        reports.resolve("TEST-A.xml"), failsafe.resolve("B-output.txt"),
        failsafe.resolve("x.dumpstream")).stream().sorted().toList(), found.files());
    assertEquals(List.of(reports.resolve("A-output.txt"), failsafe.resolve("B-output.txt"))
        .stream().sorted().toList(), found.outputs());
  }
}
