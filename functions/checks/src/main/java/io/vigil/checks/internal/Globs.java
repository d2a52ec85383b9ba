package io.vigil.checks.internal;

import java.util.Locale;

/** IAM-style wildcard matching: {@code *} matches any run of characters, {@code ?} exactly one. */
public final class Globs {

  private Globs() {}

  /**
   * True when {@code pattern} matches the whole of {@code text}; {@code ignoreCase} for action
   * names, which IAM compares case-insensitively (resources are case-sensitive).
   */
  public static boolean matches(String pattern, String text, boolean ignoreCase) {
    var p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    var t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    int pi = 0;
    int ti = 0;
    int star = -1;
    int mark = 0;
    while (ti < t.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
        pi++;
        ti++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
