package io.vigil.bench.coldstart.baseline;

import java.util.Locale;
import java.util.Optional;

/**
 * A baseline's configuration lookup, without a framework: a system property {@code vigil.x-y}, else
 * the environment variable {@code VIGIL_X_Y} (the names the functions document and the
 * infrastructure sets), blank meaning unset. This is the part of Micronaut's environment the
 * functions use.
 */
final class Env {

  private Env() {}

  /** The value of {@code key}, trimmed; empty when unset or blank. */
  static Optional<String> get(String key) {
    var value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return Optional.ofNullable(value).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The value of {@code key}, or {@code fallback}. */
  static String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }
}
