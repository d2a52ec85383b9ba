package io.vigil.adapters.dynamodb;

import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.register.RegisterKind;
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

  /** Sort key prefix of a register's records. */
  static final String RECORD_PREFIX = "RECORD#";
  /** Partition of the approved versions of the Statement of Applicability. */
  static final String SOA = "SOA";
  static final String SOA_VERSION_PREFIX = "VERSION#";

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

  /** Partition of one ISMS register: its records and their history. */
  static String register(RegisterKind kind) {
    return "REGISTER#" + kind.name();
  }

  static String registerRecord(String recordId) {
    return RECORD_PREFIX + recordId;
  }

  /**
   * Prefix of the history items of one register record. It ends with {@code #}, so that the
   * history of {@code R-1} never includes that of {@code R-10}.
   */
  static String registerEvents(String recordId) {
    return EVENT_PREFIX + recordId + "#";
  }

  /** A register history item: {@code EVENT#<id>#<at>#<16 hex digits sequence>}. */
  static String registerEvent(String recordId, String at, long sequence) {
    return registerEvents(recordId) + at + "#" + String.format("%016x", sequence);
  }

  /** Sort key of SoA version {@code number}: 10 digits, zero-padded (key order = number order). */
  static String soaVersion(int number) {
    if (number < 0) {
      throw new IllegalArgumentException("SoA version numbers are not negative: " + number);
    }
    return SOA_VERSION_PREFIX + String.format("%010d", number);
  }

  /** Partition of the daily markers of one notice. */
  static String notice(String key) {
    return "NOTICE#" + key;
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
