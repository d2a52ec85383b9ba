package io.vigil.logscan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds secrets in text, line by line: Slack webhook URLs, AWS secret access keys, AWS session
 * tokens, bearer JWTs, and the exact canary secrets the suite's scenarios use. A hit names the
 * file, the line and the kind, and shows the secret masked (its first four characters and its
 * length), never whole.
 */
final class SecretScanner {

  /** What a secret is. */
  enum Kind {
    SLACK_WEBHOOK("Slack webhook URL"),
    AWS_SECRET_KEY("AWS secret access key"),
    AWS_SESSION_TOKEN("AWS session token"),
    BEARER_JWT("bearer JWT"),
    CANARY("canary secret of the test suite");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One secret on one line of one file. */
  record Hit(Path file, int line, Kind kind, String masked) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + kind.label + " " + masked;
    }
  }

  /** The patterns of each kind; a pattern's group 1, when it has one, is the secret itself. */
  static final Map<Kind, List<Pattern>> PATTERNS = Map.of(
      Kind.SLACK_WEBHOOK, List.of(
          Pattern.compile("hooks\\.slack(?:-gov)?\\.com/(?:services|workflows|triggers)/"
              + "[A-Za-z0-9_/-]{8,}"),
          // the path of an incoming webhook under any host (a local stub's, a proxy's)
          Pattern.compile("/services/T[A-Z0-9]{4,}/B[A-Z0-9]{4,}/[A-Za-z0-9]{8,}")),
      Kind.AWS_SECRET_KEY, List.of(
          Pattern.compile("(?i)(?:aws_?secret_?access_?key|secret[_.-]?access[_.-]?key)"
              + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")),
      Kind.AWS_SESSION_TOKEN, List.of(
          Pattern.compile("(?i)x-amz-security-token\\s*[=:]\\s*([A-Za-z0-9%/+=]{16,})"),
          Pattern.compile("(?i)(?:aws_?)?session[_.-]?token[\"']?\\s*[:=]\\s*[\"']?"
              + "([A-Za-z0-9/+=]{16,})"),
          // the prefixes of the tokens AWS STS issues
          Pattern.compile("(?:FwoGZXIvYXdzE|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{16,}")),
      Kind.BEARER_JWT, List.of(
          Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*")));

  private final List<String> canaries;

  /** @param canaries secrets to find wherever they appear, whatever surrounds them */
  SecretScanner(List<String> canaries) {
    this.canaries = canaries.stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** A file's secrets and its number of lines. */
  record FileScan(List<Hit> hits, int lines) {}

  /** The secrets in a file (read as UTF-8; malformed bytes do not stop the scan). */
  FileScan scan(Path file) throws IOException {
    var hits = new ArrayList<Hit>();
    int n = 0;
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (var in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        decoder))) {
      for (var line = in.readLine(); line != null; line = in.readLine()) {
        hits.addAll(scan(file, ++n, line));
      }
    }
    return new FileScan(hits, n);
  }

  /** The secrets on one line, each once (overlapping matches count once). */
  List<Hit> scan(Path file, int lineNumber, String line) {
    var spans = new ArrayList<int[]>();
    var hits = new ArrayList<Hit>();
    for (var canary : canaries) {
      // longest first: a canary inside another (a webhook path in its URL) is reported once
      for (int at = line.indexOf(canary); at >= 0; at = line.indexOf(canary, at + 1)) {
        if (claim(spans, at, at + canary.length())) {
          hits.add(new Hit(file, lineNumber, Kind.CANARY, mask(canary)));
        }
      }
    }
    for (var kind : Kind.values()) {
      for (var p : PATTERNS.getOrDefault(kind, List.of())) {
        var m = p.matcher(line);
        while (m.find()) {
          int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
          if (claim(spans, m.start(g), m.end(g))) {
            hits.add(new Hit(file, lineNumber, kind, mask(m.group(g))));
          }
        }
      }
    }
    return hits;
  }

  /** Takes the span unless it overlaps one already taken. */
  private static boolean claim(List<int[]> spans, int start, int end) {
    for (var s : spans) {
      if (start < s[1] && s[0] < end) {
        return false;
      }
    }
    spans.add(new int[] {start, end});
    return true;
  }

  /** The first four characters and the length: enough to find it, not enough to use it. */
  static String mask(String secret) {
    return secret.substring(0, Math.min(4, secret.length())) + "*** (" + secret.length()
        + " characters)";
  }
}
