package io.vigil.checks.internal;

import java.util.List;

/** Wording helpers for observation reasons. */
public final class Texts {

  private Texts() {}

  /** "A", "A and B", "A, B and C". */
  public static String joinAnd(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and " + items.get(items.size() - 1);
  }

  /** "1 key" / "2 keys". */
  public static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
