package io.vigil.domain.check;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stable id of an evidence check, {@code <service>_<resource>_<expected_state>} in lowercase snake
 * case, e.g. {@code s3_bucket_public_access_blocked}. Ids are never renamed: results and findings
 * refer to them for years.
 */
public record CheckId(String value) implements Comparable<CheckId> {

  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+){2,}");

  public CheckId {
    Objects.requireNonNull(value, "check id must not be null");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a check id: use <service>_<resource>_<expected_state> in"
              + " lowercase snake case, e.g. s3_bucket_versioning_enabled");
    }
  }

  public static CheckId of(String value) {
    return new CheckId(value);
  }

  /** The service prefix, e.g. {@code s3}. */
  public String service() {
    return value.substring(0, value.indexOf('_'));
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public int compareTo(CheckId o) {
    return value.compareTo(o.value);
  }
}
