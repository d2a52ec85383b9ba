package io.vigil.adapters.dynamodb;

import io.vigil.domain.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Key values of the table, as {@code docs/data-model.md} lays them out. */
final class Keys {

  static final String META = "META";
  static final String LATEST = "LATEST";
  static final String OPEN_FINDING = "OPEN_FINDING";
  static final String RESULT_PREFIX = "RESULT#";
  static final String RUNS = "RUNS";
  static final String FINDINGS_OPEN = "FINDINGS#OPEN";
  /** GSI3 partition of every finding, listed newest first. */
  static final String FINDINGS = "FINDINGS";
  static final String EVENT_PREFIX = "EVENT#";
  static final String ACTION_PREFIX = "ACTION#";
  static final String OVERDUE_PREFIX = "OVERDUE#";
  /** GSI1 sort key date of an open finding without due date: sorts after every real date. */
  static final String NO_DUE_DATE = "9999-12-31";

  /** DynamoDB's limit on a sort key (also for index sort keys), in UTF-8 bytes. */
  static final int MAX_SORT_KEY_BYTES = 1024;

  private Keys() {}

  /** The primary key {@code (pk, sk)}. */
  static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }

  static String run(String runId) {
    return "RUN#" + runId;
  }

  static String result(String subjectKey) {
    return bounded(RESULT_PREFIX + subjectKey);
  }

  static String subject(String subjectKey) {
    return "SUBJECT#" + subjectKey;
  }

  static String finding(String findingId) {
    return "FINDING#" + findingId;
  }

  /**
   * A history item's sort key: its time, then a 16-hex-digit sequence that makes it unique (and,
   * within one process, keeps entries of the same instant in the order they were written).
   */
  static String event(String at, long sequence) {
    return EVENT_PREFIX + at + "#" + String.format("%016x", sequence);
  }

  static String action(String actionId) {
    return ACTION_PREFIX + actionId;
  }

  static String overdue(String actionId, String day) {
    return OVERDUE_PREFIX + actionId + "#" + day;
  }

  /**
   * GSI3 sort key of a finding: {@code <raisedAt>#<complemented id>~}. The index is read in
   * descending order (newest first); each id character {@code c} is stored as
   * {@code '-' + 'z' - c} and the key ends with {@code ~}, so findings raised at the same instant
   * come in ascending id order, as the domain lists them.
   */
  static String findingsByRaisedAt(String raisedAt, String findingId) {
    var key = new StringBuilder(raisedAt.length() + findingId.length() + 2).append(raisedAt)
        .append('#');
    for (int i = 0; i < findingId.length(); i++) {
      char c = findingId.charAt(i);
      if (c < '-' || c > 'z') {
        throw new IllegalArgumentException("'" + findingId + "' is not a finding id");
      }
      key.append((char) ('-' + 'z' - c));
    }
    return key.append('~').toString();
  }

  static String check(String checkId) {
    return "CHECK#" + checkId;
  }

  static String control(String externalControlId) {
    return "CONTROL#" + externalControlId;
  }

  /**
   * A sort key that fits DynamoDB's 1,024-byte limit. Keys that fit are unchanged; a longer one
   * (a resource with a very long ARN) keeps its first 900 bytes' worth of characters and ends with
   * {@code #~<sha256 of the whole key>}, so it stays unique and deterministic. Items always carry
   * the full values as attributes, so nothing is lost.
   */
  static String bounded(String sortKey) {
    if (sortKey.getBytes(StandardCharsets.UTF_8).length <= MAX_SORT_KEY_BYTES) {
      return sortKey;
    }
    var head = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < sortKey.length(); ) {
      int cp = sortKey.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > 900) {
        break;
      }
      head.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return head + "#~" + Sha256.of(sortKey).hex();
  }
}
