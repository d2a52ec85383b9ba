package io.vigil.domain.report;

/**
 * Escaping for the HTML and Markdown that Vigil renders from recorded text: resource names,
 * notes and other collected or typed values are untrusted and must never become markup.
 */
public final class Html {

  private Html() {}

  /** HTML text and attribute escaping; control characters other than new line and tab drop. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    var out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Markdown escaping: the characters that format, link or break a table cell. */
  public static String markdown(String s) {
    if (s == null) {
      return "";
    }
    var out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\`*_{}[]()<>#+-!|~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c < 0x20 && c != '\n' ? ' ' : c);
    }
    return out.toString();
  }
}
