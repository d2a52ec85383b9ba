package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.FindingEventItem.Event;
import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.adapters.dynamodb.internal.Transactions;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link FindingRepository} on the Vigil table. Every change is one {@code TransactWriteItems}
 * that also writes an {@code EVENT} history item. At most one automated finding per subject is
 * open: opening one creates the subject's {@code OPEN_FINDING} lock item (condition: absent) in the
 * same transaction, closing it deletes the lock. Edits are optimistic: condition
 * {@code version = :expected}, and the stored copy gets version + 1.
 *
 * <p>{@link #findOpen} reads GSI1, which is eventually consistent: a change can take a moment to
 * show there. The other reads are strongly consistent.
 */
public final class DynamoDbFindingRepository implements FindingRepository {

  private final DynamoDbTable<FindingItem> findings;
  private final DynamoDbTable<FindingEventItem> events;
  private final DynamoDbTable<OpenFindingLockItem> locks;
  private final Transactions transactions;
  private final Clock clock;
  private final Integer pageSize;

  /** With the system clock (the time of history entries of edits). */
  public DynamoDbFindingRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this(enhanced, tableName, Clock.system());
  }

  public DynamoDbFindingRepository(DynamoDbEnhancedClient enhanced, String tableName,
      Clock clock) {
    this(enhanced, tableName, clock, null);
  }

  /** For tests: a Query page size (null: up to 1 MB per page). */
  DynamoDbFindingRepository(DynamoDbEnhancedClient enhanced, String tableName, Clock clock,
      Integer pageSize) {
    var table = new VigilTable(tableName).name();
    this.findings = enhanced.table(table, FindingItem.SCHEMA);
    this.events = enhanced.table(table, FindingEventItem.SCHEMA);
    this.locks = enhanced.table(table, OpenFindingLockItem.SCHEMA);
    this.transactions = new Transactions(enhanced, Backoff.standard());
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Opens the automated finding unless its subject has an open one.
   *
   * @throws IllegalArgumentException if the finding has no subject or is not open
   * @throws IllegalStateException if a finding with this id exists (for another subject)
   */
  @Override
  public boolean openIfNoneOpen(Finding finding) {
    if (finding.subjectKey() == null) {
      throw new IllegalArgumentException("only an automated finding has a subject");
    }
    if (!finding.status().isOpen()) {
      throw new IllegalArgumentException("finding " + finding.id() + " is " + finding.status()
          + ": only an open finding can be opened");
    }
    try {
      transactions.write(tx -> tx
          .addPutItem(locks, putIfAbsent(OpenFindingLockItem.of(finding)))
          .addPutItem(findings, putIfAbsent(FindingItem.from(finding)))
          .addPutItem(events, FindingEventItem.of(finding, Event.OPENED, finding.raisedAt())));
      return true;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        return false;
      }
      if (Transactions.conditionFailed(e, 1)) {
        throw exists(finding, e);
      }
      throw e;
    }
  }

  /**
   * Stores a new finding and its first history entry. Takes no subject lock: only
   * {@link #openIfNoneOpen} does.
   *
   * @throws IllegalStateException if a finding with this id exists
   */
  @Override
  public void create(Finding finding) {
    try {
      transactions.write(tx -> tx
          .addPutItem(findings, putIfAbsent(FindingItem.from(finding)))
          .addPutItem(events, FindingEventItem.of(finding, Event.CREATED, finding.raisedAt())));
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        throw exists(finding, e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Finding> findById(FindingId id) {
    return Optional.ofNullable(findings.getItem(r -> r
            .key(Keys.key(Keys.finding(id.value()), Keys.META)).consistentRead(true)))
        .map(FindingItem::toDomain);
  }

  @Override
  public Optional<Finding> findOpenBySubject(String subjectKey) {
    return lock(subjectKey).flatMap(lock -> findById(FindingId.of(lock.getFindingId())));
  }

  /** Every open finding, by due date (none last), then id; reads all pages of GSI1. */
  @Override
  public List<Finding> findOpen() {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.FINDINGS_OPEN)))
        .limit(pageSize)
        .build();
    return findings.index(VigilTable.GSI1).query(request).stream()
        .flatMap(page -> page.items().stream())
        .map(FindingItem::toDomain)
        .toList();
  }

  /**
   * Saves the edit if the stored version is {@code finding.version()}. Closing an automated
   * finding releases its subject (deletes the lock it holds) in the same transaction.
   *
   * @throws ConcurrentModificationException if the stored version differs
   * @throws IllegalArgumentException if there is no such finding
   */
  @Override
  public Finding update(Finding finding) {
    var saved = finding.withVersion(finding.version() + 1);
    boolean closing = !saved.status().isOpen();
    var heldLock = closing && saved.subjectKey() != null
        ? lock(saved.subjectKey()).filter(l -> l.getFindingId().equals(saved.id().value()))
        : Optional.<OpenFindingLockItem>empty();
    try {
      transactions.write(tx -> {
        tx.addPutItem(findings, TransactPutItemEnhancedRequest.builder(FindingItem.class)
                .item(FindingItem.from(saved))
                .conditionExpression(Conditions.versionIs(finding.version()))
                .build())
            .addPutItem(events, FindingEventItem.of(saved,
                closing ? Event.CLOSED : Event.UPDATED, clock.now()));
        heldLock.ifPresent(lock -> tx.addDeleteItem(locks, TransactDeleteItemEnhancedRequest
            .builder()
            .key(Keys.key(lock.getPk(), lock.getSk()))
            .conditionExpression(Conditions.attributeIs(OpenFindingLockItem.FINDING_ID,
                saved.id().value()))
            .build()));
      });
      return saved;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        var stored = findById(finding.id()).orElseThrow(
            () -> new IllegalArgumentException("no finding " + finding.id()));
        throw new ConcurrentModificationException("finding " + finding.id() + " was changed by"
            + " someone else (version " + stored.version() + ", edit based on "
            + finding.version() + ")");
      }
      throw e;
    }
  }

  private Optional<OpenFindingLockItem> lock(String subjectKey) {
    return Optional.ofNullable(locks.getItem(r -> r
        .key(Keys.key(Keys.subject(subjectKey), Keys.OPEN_FINDING)).consistentRead(true)));
  }

  private static <T> TransactPutItemEnhancedRequest<T> putIfAbsent(T item) {
    @SuppressWarnings("unchecked")
    var type = (Class<T>) item.getClass();
    return TransactPutItemEnhancedRequest.builder(type)
        .item(item)
        .conditionExpression(Conditions.absent())
        .build();
  }

  private static IllegalStateException exists(Finding finding, Exception cause) {
    return new IllegalStateException("finding " + finding.id() + " exists", cause);
  }
}
