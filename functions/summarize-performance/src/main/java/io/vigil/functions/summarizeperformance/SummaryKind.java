package io.vigil.functions.summarizeperformance;

import java.util.Arrays;
import java.util.List;

/** What summarize-performance writes: the periodic summary (9.1) or the review pack (9.3). */
public enum SummaryKind {

  /** Key figures and trends of a period (weekly by schedule). */
  SUMMARY("summary"),
  /** Every input of 9.3.2 a)–g) and the decisions section: the management review pack. */
  MANAGEMENT_REVIEW("management-review");

  private final String id;

  SummaryKind(String id) {
    this.id = id;
  }

  /** The id in events, object keys and the CLI: {@code summary}, {@code management-review}. */
  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(SummaryKind::id).toList();
  }

  /**
   * The kind named {@code id}.
   *
   * @throws IllegalArgumentException naming {@code field} and the allowed values otherwise
   */
  public static SummaryKind parse(String id, String field) {
    for (var k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("field '" + field + "' must be one of " + ids()
        + ", got " + (id == null ? "nothing" : "'" + id + "'"));
  }

  @Override
  public String toString() {
    return id;
  }
}
