package io.vigil.domain.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO/IEC 27001:2022 Annex A control id. Canonical form {@code "8.24"}; every external form
 * (JSON, API, CLI, configuration) writes it with the prefix, {@code "A.8.24"}, so it never collides
 * with an ISMS clause id such as {@code "8.2"}.
 */
public record ControlId(int theme, int number) implements Comparable<ControlId> {

  private static final Pattern EXTERNAL = Pattern.compile("A\\.([5-8])\\.(\\d{1,2})");
  private static final Pattern CANONICAL = Pattern.compile("([5-8])\\.(\\d{1,2})");

  public ControlId {
    if (theme < 5 || theme > 8) {
      throw new IllegalArgumentException("Annex A theme must be 5..8, got " + theme);
    }
    if (number < 1) {
      throw new IllegalArgumentException("Annex A control number must be positive, got " + number);
    }
  }

  /** Parses the external form {@code "A.5.1"}; also accepts the canonical {@code "5.1"}. */
  public static ControlId parse(String text) {
    Objects.requireNonNull(text, "control id must not be null");
    var trimmed = text.trim();
    var m = EXTERNAL.matcher(trimmed);
    if (!m.matches()) {
      m = CANONICAL.matcher(trimmed);
    }
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an Annex A control id; write it as A.<theme>.<number>, e.g. A.8.24");
    }
    return new ControlId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Canonical form without prefix: {@code "8.24"}. */
  public String canonical() {
    return theme + "." + number;
  }

  /** External form with prefix: {@code "A.8.24"}. */
  @Override
  public String toString() {
    return "A." + canonical();
  }

  @Override
  public int compareTo(ControlId o) {
    return theme != o.theme ? Integer.compare(theme, o.theme) : Integer.compare(number, o.number);
  }
}
