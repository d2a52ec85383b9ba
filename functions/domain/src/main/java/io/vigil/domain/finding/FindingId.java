package io.vigil.domain.finding;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identity of a finding: {@code F-} followed by 1 to 64 letters, digits or dashes. */
public record FindingId(String value) {

  private static final Pattern FORM = Pattern.compile("F-[A-Za-z0-9-]{1,64}");

  public FindingId {
    Objects.requireNonNull(value, "finding id must not be null");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a finding id (F-...)");
    }
  }

  public static FindingId of(String value) {
    return new FindingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
