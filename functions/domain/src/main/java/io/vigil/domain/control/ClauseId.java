package io.vigil.domain.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISMS requirement clause of ISO/IEC 27001:2022 (clauses 4 to 10), written {@code "4.1"},
 * {@code "6.1.2"}, {@code "10.2"}: never with the {@code "A."} prefix that marks Annex A controls.
 */
public record ClauseId(String value) implements Comparable<ClauseId> {

  private static final Pattern FORM = Pattern.compile("(?:[4-9]|10)\\.\\d{1,2}(?:\\.\\d{1,2})?");

  public ClauseId {
    Objects.requireNonNull(value, "clause id must not be null");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not an ISMS clause id; write it as e.g. 9.2 or 6.1.3 (clauses 4..10)");
    }
  }

  public static ClauseId parse(String text) {
    Objects.requireNonNull(text, "clause id must not be null");
    return new ClauseId(text.trim());
  }

  /** The top-level clause number, 4..10. */
  public int clause() {
    return Integer.parseInt(value.substring(0, value.indexOf('.')));
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public int compareTo(ClauseId o) {
    var a = value.split("\\.");
    var b = o.value.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
