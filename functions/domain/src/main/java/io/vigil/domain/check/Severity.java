package io.vigil.domain.check;

import java.util.Locale;

/** How much a failing check matters; drives finding classification and due dates. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFORMATIONAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a severity; use critical, high, medium, low or informational");
    }
  }
}
