package io.vigil.reports;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.NoData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A short Slack summary of a {@link Report} as a Block Kit message (a map that serialises to the
 * JSON of {@code chat.postMessage} or an incoming webhook): the title as header, the period, the
 * highlights, which sections have no data yet, and a button to the full report. Block Kit's limits
 * are kept: at most {@value #MAX_BLOCKS} blocks, section text at most {@value #MAX_SECTION}
 * characters, header text at most {@value #MAX_HEADER}, button text at most {@value #MAX_BUTTON},
 * button URL at most {@value #MAX_URL}.
 *
 * <p>Recorded text is escaped for mrkdwn: {@code & < >} as entities (Slack's own rule, which keeps
 * untrusted text from forming links or mentions such as {@code <!channel>}), and the formatting
 * characters {@code * _ ~ `}, which mrkdwn cannot escape, are replaced by look-alikes so that they
 * show as written instead of formatting.
 */
public final class ReportSlack {

  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION = 3000;
  static final int MAX_HEADER = 150;
  static final int MAX_BUTTON = 75;
  static final int MAX_URL = 3000;
  static final int MAX_FALLBACK = 3000;

  private ReportSlack() {}

  /**
   * The message: {@code {"text": fallback, "blocks": [...]}}.
   *
   * @param link the full report (an http or https URL, e.g. a presigned S3 link), or null for none
   * @throws IllegalArgumentException when {@code link} is not an http(s) URL or is too long for a
   *     button
   */
  public static Map<String, Object> blocks(Report report, String link) {
    Objects.requireNonNull(report, "report");
    var url = link == null || link.isBlank() ? null : checkedLink(link);
    var blocks = new ArrayList<Map<String, Object>>();
    blocks.add(ordered("type", "header", "text", plain(cut(report.title(), MAX_HEADER))));
    blocks.add(ordered("type", "context", "elements", List.of(mrkdwn(cut(escape(
        ReportHtml.meta(report)), MAX_SECTION)))));
    var lines = new ArrayList<String>();
    report.highlights().forEach(h -> lines.add("\u2022 " + escape(h)));
    if (lines.isEmpty()) {
      lines.add("No highlights.");
    }
    // reserve room for the footer blocks: no-data context, divider, actions
    int room = MAX_BLOCKS - blocks.size() - 3;
    for (var text : chunks("*Highlights*\n", lines)) {
      if (room-- <= 0) {
        break;
      }
      blocks.add(section(text));
    }
    var empty = report.sections().stream()
        .filter(s -> !s.blocks().isEmpty() && s.blocks().stream().allMatch(b -> b instanceof NoData))
        .map(s -> escape(shortHeading(s.heading())))
        .toList();
    if (!empty.isEmpty()) {
      blocks.add(ordered("type", "context", "elements", List.of(mrkdwn(cut("No data yet: "
          + String.join("; ", empty), MAX_SECTION)))));
    }
    if (url != null) {
      blocks.add(Map.of("type", "divider"));
      var button = new LinkedHashMap<String, Object>();
      button.put("type", "button");
      button.put("text", plain(cut("Open the full report", MAX_BUTTON)));
      button.put("url", url);
      button.put("action_id", "open-report");
      button.put("style", "primary");
      blocks.add(ordered("type", "actions", "elements", List.of(button)));
    }
    var message = new LinkedHashMap<String, Object>();
    message.put("text", cut(fallback(report), MAX_FALLBACK));
    message.put("blocks", blocks);
    return message;
  }

  /** The notification text (shown where blocks are not: push notifications, e-mail digests). */
  static String fallback(Report report) {
    var sb = new StringBuilder(report.title());
    if (!report.highlights().isEmpty()) {
      sb.append(": ").append(String.join("; ", report.highlights()));
    }
    return escape(sb.toString());
  }

  private static String shortHeading(String heading) {
    return cut(heading, 80);
  }

  /** Section texts of at most {@link #MAX_SECTION} characters; a line longer than that is cut. */
  static List<String> chunks(String title, List<String> lines) {
    var out = new ArrayList<String>();
    var sb = new StringBuilder(title);
    for (var raw : lines) {
      var line = cut(raw, MAX_SECTION - title.length() - 1);
      if (sb.length() + line.length() + 1 > MAX_SECTION) {
        out.add(sb.toString().stripTrailing());
        sb.setLength(0);
      }
      sb.append(line).append('\n');
    }
    if (sb.length() > 0) {
      out.add(sb.toString().stripTrailing());
    }
    return out;
  }

  private static Map<String, Object> section(String text) {
    return ordered("type", "section", "text", mrkdwn(text));
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    var m = new LinkedHashMap<String, Object>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Map<String, Object> plain(String text) {
    var m = new LinkedHashMap<String, Object>();
    m.put("type", "plain_text");
    m.put("text", text.isEmpty() ? " " : text);
    m.put("emoji", false);
    return m;
  }

  private static Map<String, Object> mrkdwn(String text) {
    var m = new LinkedHashMap<String, Object>();
    m.put("type", "mrkdwn");
    m.put("text", text);
    m.put("verbatim", true);
    return m;
  }

  /** At most {@code max} characters (UTF-16 units, as Slack counts), cut with "…". */
  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    // do not cut an entity such as &amp; in two
    int amp = s.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp > end - 5 && s.indexOf(';', amp) >= end) {
      end = amp;
    }
    return s.substring(0, end) + "\u2026";
  }

  /** Recorded text for mrkdwn: entities for {@code & < >}, look-alikes for formatting marks. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    var out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '*' -> out.append('\u2217');
        case '_' -> out.append('\u02CD');
        case '~' -> out.append('\u223C');
        case '`' -> out.append('\u02CB');
        default -> out.append(c < 0x20 && c != '\n' ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static String checkedLink(String link) {
    var text = ReportEmail.checked(link);
    if (text.length() > MAX_URL) {
      throw new IllegalArgumentException("the report link has " + text.length()
          + " characters; a Slack button takes at most " + MAX_URL);
    }
    return text;
  }

}
