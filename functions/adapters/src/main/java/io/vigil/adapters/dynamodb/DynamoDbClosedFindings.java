package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.BatchReader;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.performance.ClosedFindings;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * {@link ClosedFindings} on the Vigil table: the {@code META} items that
 * {@link DynamoDbFindingRepository} puts on GSI1 when an edit closes or declines a finding,
 * {@code GSI1PK=FINDINGS#CLOSED#<yyyy-MM of closedAt>}, {@code GSI1SK=<closedAt>#<id>}. One Query
 * per calendar month (UTC) the range touches, all pages, sort key {@code BETWEEN <from> AND <to>}:
 * as every sort key continues with {@code #<id>} after the time, that is exactly
 * {@code from <= closedAt < to}. Oldest first (then by id). Automated findings get their
 * {@code EVIDENCE} item merged in (BatchGetItem, 100 keys a request).
 *
 * <p>Findings closed before closing times were recorded are not on the index and are not listed
 * (no backfill); the index is eventually consistent, so a finding closed a moment ago may be
 * missing.
 */
public final class DynamoDbClosedFindings implements ClosedFindings {


  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<FindingItem> findings;
  private final DynamoDbTable<FindingEvidenceItem> evidence;
  private final Integer pageSize;

  public DynamoDbClosedFindings(DynamoDbEnhancedClient enhanced, String tableName) {
    this(enhanced, tableName, null);
  }

  /** For tests: a Query page size (null: up to 1 MB per page). */
  DynamoDbClosedFindings(DynamoDbEnhancedClient enhanced, String tableName, Integer pageSize) {
    var table = new VigilTable(tableName).name();
    this.enhanced = Objects.requireNonNull(enhanced, "enhanced");
    this.findings = enhanced.table(table, FindingItem.SCHEMA);
    this.evidence = enhanced.table(table, FindingEvidenceItem.SCHEMA);
    this.pageSize = pageSize;
  }

  /**
   * Findings closed (or declined) at or after {@code from} and before {@code to}, oldest first.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  @Override
  public List<Closed> closedBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends (" + to + ") before it starts ("
          + from + ")");
    }
    if (!to.isAfter(from)) {
      return List.of();
    }
    var lower = Times.format(from);
    var upper = Times.format(to);
    var items = new ArrayList<FindingItem>();
    var last = YearMonth.from(to.minusNanos(1).atOffset(ZoneOffset.UTC));
    for (var month = YearMonth.from(from.atOffset(ZoneOffset.UTC)); !month.isAfter(last);
        month = month.plusMonths(1)) {
      var partition = FindingItem.closedMonth(month);
      var request = QueryEnhancedRequest.builder()
          .queryConditional(QueryConditional.sortBetween(
              Keys.key(partition, lower), Keys.key(partition, upper)))
          .limit(pageSize)
          .build();
      findings.index(VigilTable.GSI1).query(request)
          .forEach(page -> items.addAll(page.items()));
    }
    var tracked = evidenceOf(items.stream().filter(i -> i.getCheckId() != null)
        .map(FindingItem::getFindingId).toList());
    return items.stream()
        .map(i -> new Closed(i.toDomain(tracked.get(i.getFindingId())),
            Times.parseInstant(i.getClosedAt())))
        .toList();
  }

  private Map<String, FindingEvidenceItem> evidenceOf(List<String> findingIds) {
    var out = new HashMap<String, FindingEvidenceItem>();
    BatchReader.get(enhanced, evidence, findingIds.stream()
            .map(id -> Keys.key(Keys.finding(id), FindingEvidenceItem.SK)).toList(), false)
        .forEach(item -> out.put(item.getFindingId(), item));
    return out;
  }
}
