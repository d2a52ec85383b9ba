package io.vigil.functions.notify;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Vigil's severity labels in rising order, for {@code minSeverity} routing. */
final class Severities {

  static final List<String> ORDER = List.of("informational", "low", "medium", "high", "critical");

  private Severities() {}

  /** The rank of a label (0 = informational), empty when it is not a severity. */
  static OptionalInt rank(String label) {
    if (label == null) {
      return OptionalInt.empty();
    }
    int i = ORDER.indexOf(label.trim().toLowerCase(Locale.ROOT));
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }
}
