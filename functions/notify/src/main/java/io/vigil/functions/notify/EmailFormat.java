package io.vigil.functions.notify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * E-mail rendering of a {@link Message}: subject {@code [Vigil] <detail-type>: <title>}, a
 * plain-text part and an HTML part (all untrusted text HTML-escaped), assembled as a MIME
 * {@code multipart/alternative} message for SES v2's raw content.
 */
public final class EmailFormat {

  private EmailFormat() {}

  /** Escapes text for HTML element content and (double-quoted) attribute values. */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    var sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The subject line, on one line (no header injection). */
  public static String subject(Message m) {
    return MessageRenderer.truncate(("[Vigil] " + m.headline()).replaceAll("[\\r\\n\\t]+", " "),
        250);
  }

  /** The plain-text part. */
  public static String text(Message m) {
    var sb = new StringBuilder();
    sb.append(m.headline()).append("\n\n");
    for (var f : m.facts()) {
      sb.append(f.label()).append(": ").append(f.value()).append('\n');
    }
    if (!m.items().isEmpty() || m.moreItems() > 0) {
      sb.append("\nFindings opened in this run:\n");
      for (var i : m.items()) {
        sb.append("- [").append(i.severity().toUpperCase(Locale.ROOT)).append("] ")
            .append(i.title());
        if (!i.resource().isEmpty()) {
          sb.append(" (").append(i.resource()).append(')');
        }
        sb.append('\n');
      }
      if (m.moreItems() > 0) {
        sb.append("...and ").append(m.moreItems()).append(" more\n");
      }
    }
    m.link().ifPresent(l -> sb.append('\n').append(l.label()).append(": ").append(l.url())
        .append('\n'));
    sb.append("\n-- \n").append(m.context()).append('\n');
    return sb.toString();
  }

  /** The HTML part. */
  public static String htmlBody(Message m) {
    var sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(html(subject(m))).append("</title></head><body style=\"font-family:sans-serif\">")
        .append("<h2>").append(html(m.headline())).append("</h2>");
    if (!m.facts().isEmpty()) {
      sb.append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
      for (var f : m.facts()) {
        sb.append("<tr><th align=\"left\">").append(html(f.label())).append("</th><td>")
            .append(html(f.value())).append("</td></tr>");
      }
      sb.append("</table>");
    }
    if (!m.items().isEmpty() || m.moreItems() > 0) {
      sb.append("<h3>Findings opened in this run</h3><ul>");
      for (var i : m.items()) {
        sb.append("<li><b>").append(html(i.severity().toUpperCase(Locale.ROOT))).append("</b> ")
            .append(html(i.title()));
        if (!i.resource().isEmpty()) {
          sb.append(" <code>").append(html(i.resource())).append("</code>");
        }
        sb.append("</li>");
      }
      if (m.moreItems() > 0) {
        sb.append("<li>…and ").append(m.moreItems()).append(" more</li>");
      }
      sb.append("</ul>");
    }
    m.link().ifPresent(l -> sb.append("<p><a href=\"").append(html(l.url())).append("\">")
        .append(html(l.label())).append("</a></p>"));
    sb.append("<p style=\"color:#666;font-size:small\">").append(html(m.context()))
        .append("</p></body></html>");
    return sb.toString();
  }

  /** A MIME multipart/alternative message (text and HTML parts, UTF-8, base64). */
  public static String mime(String from, List<String> to, Message m) {
    var boundary = "vigil-" + UUID.randomUUID();
    var crlf = "\r\n";
    var enc = Base64.getMimeEncoder(76, crlf.getBytes(StandardCharsets.US_ASCII));
    return "From: " + from + crlf
        + "To: " + String.join(", ", to) + crlf
        + "Subject: " + encodeHeader(subject(m)) + crlf
        + "MIME-Version: 1.0" + crlf
        + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"" + crlf
        + crlf
        + "--" + boundary + crlf
        + "Content-Type: text/plain; charset=UTF-8" + crlf
        + "Content-Transfer-Encoding: base64" + crlf + crlf
        + enc.encodeToString(text(m).getBytes(StandardCharsets.UTF_8)) + crlf
        + "--" + boundary + crlf
        + "Content-Type: text/html; charset=UTF-8" + crlf
        + "Content-Transfer-Encoding: base64" + crlf + crlf
        + enc.encodeToString(htmlBody(m).getBytes(StandardCharsets.UTF_8)) + crlf
        + "--" + boundary + "--" + crlf;
  }

  /** RFC 2047 encoded words (UTF-8, base64) unless the value is short printable ASCII. */
  static String encodeHeader(String value) {
    if (value.length() < 900 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return value;
    }
    var out = new StringBuilder();
    var chunk = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      var s = new String(Character.toChars(cp));
      int n = s.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > 45) {
        appendWord(out, chunk.toString());
        chunk.setLength(0);
        bytes = 0;
      }
      chunk.append(s);
      bytes += n;
      i += Character.charCount(cp);
    }
    appendWord(out, chunk.toString());
    return out.toString();
  }

  private static void appendWord(StringBuilder out, String s) {
    if (s.isEmpty()) {
      return;
    }
    if (out.length() > 0) {
      out.append("\r\n ");
    }
    out.append("=?UTF-8?B?")
        .append(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)))
        .append("?=");
  }
}
