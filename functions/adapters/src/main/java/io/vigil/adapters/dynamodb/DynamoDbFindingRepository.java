package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.FindingEventItem.Event;
import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.adapters.dynamodb.internal.Transactions;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.time.Clock;
import java.time.Instant;
import io.vigil.adapters.dynamodb.internal.Times;
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

  private static final int MAX_LIFECYCLE_ATTEMPTS = 5;

  private final DynamoDbTable<FindingItem> findings;
  private final DynamoDbTable<FindingEventItem> events;
  private final DynamoDbTable<OpenFindingLockItem> locks;
  private final DynamoDbTable<FindingEvidenceItem> evidence;
  private final DynamoDbTable<LastFindingItem> lasts;
  private final DynamoDbEnhancedClient enhanced;
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
    this.evidence = enhanced.table(table, FindingEvidenceItem.SCHEMA);
    this.lasts = enhanced.table(table, LastFindingItem.SCHEMA);
    this.enhanced = enhanced;
    this.transactions = new Transactions(enhanced, Backoff.standard());
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Opens the automated finding unless its subject has an open one; otherwise moves the open one's
   * last-seen time. One transaction opens: subject lock (condition: absent), {@code META}
   * (condition: absent), {@code EVIDENCE}, the history entry and the subject's {@code LAST_FINDING}
   * pointer (condition: unchanged since read, so two regressions cannot both link).
   *
   * @throws IllegalArgumentException if the finding has no subject or is not open
   */
  @Override
  public FailureOutcome recordFailure(Finding proposed, Instant seenAt) {
    var subject = proposed.subjectKey();
    if (subject == null) {
      throw new IllegalArgumentException("only an automated finding has a subject");
    }
    if (!proposed.status().isOpen()) {
      throw new IllegalArgumentException("finding " + proposed.id() + " is " + proposed.status()
          + ": only an open finding can be opened");
    }
    for (int attempt = 0; attempt < MAX_LIFECYCLE_ATTEMPTS; attempt++) {
      var open = lock(subject);
      if (open.isPresent()) {
        seenFailing(open.get().getFindingId(), seenAt);
        return FailureOutcome.STILL_OPEN;
      }
      var last = lastFinding(subject);
      var finding = last.map(l -> proposed.relatedTo(FindingId.of(l.getFindingId())))
          .orElse(proposed).seenFailing(seenAt);
      var event = last.isPresent() ? Event.REGRESSED : Event.OPENED;
      try {
        transactions.write(tx -> tx
            .addPutItem(locks, putIfAbsent(OpenFindingLockItem.of(finding)))
            .addPutItem(findings, putIfAbsent(FindingItem.from(finding)))
            .addPutItem(evidence, FindingEvidenceItem.of(finding.id().value(), seenAt, null))
            .addPutItem(events, FindingEventItem.of(finding, event, seenAt))
            .addPutItem(lasts, TransactPutItemEnhancedRequest.builder(LastFindingItem.class)
                .item(LastFindingItem.of(subject, finding.id().value()))
                .conditionExpression(last.map(l -> Conditions.attributeIs(
                    LastFindingItem.FINDING_ID, l.getFindingId())).orElse(Conditions.absent()))
                .build()));
        return last.isPresent() ? FailureOutcome.REGRESSED : FailureOutcome.OPENED;
      } catch (TransactionCanceledException e) {
        if (Transactions.conditionFailed(e, 1)) {
          // this very finding exists: an earlier attempt of the same run opened it (and it has
          // been closed since, or the lock is about to show): nothing more to open
          return FailureOutcome.STILL_OPEN;
        }
        if (!Transactions.conditionFailed(e, 0) && !Transactions.conditionFailed(e, 4)) {
          throw e;
        }
        // someone else opened or linked a finding for the subject meanwhile: look again
      }
    }
    throw new IllegalStateException("subject " + subject + " kept changing while recording a"
        + " failure; gave up after " + MAX_LIFECYCLE_ATTEMPTS + " attempts");
  }

  @Override
  public boolean recordRecovery(String subjectKey, Instant seenAt) {
    var open = lock(subjectKey);
    if (open.isEmpty()) {
      return false;
    }
    var id = open.get().getFindingId();
    var current = evidenceOf(id);
    if (current.isPresent() && current.get().getEvidenceRecoveredAt() != null) {
      return false;
    }
    var finding = findById(FindingId.of(id)).orElseThrow();
    var lastSeen = current.map(c -> Times.parseInstant(c.getLastSeenAt())).orElse(finding.raisedAt());
    if (seenAt.isBefore(lastSeen)) {
      return false; // an older observation arriving late: the newer failure stands
    }
    try {
      transactions.write(tx -> tx
          .addPutItem(evidence, TransactPutItemEnhancedRequest.builder(FindingEvidenceItem.class)
              .item(FindingEvidenceItem.of(id, lastSeen, seenAt))
              .conditionExpression(unchangedEvidence(current))
              .build())
          .addPutItem(events, FindingEventItem.of(finding, Event.EVIDENCE_RECOVERED, seenAt)));
      return true;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        return false; // another run recorded a newer observation meanwhile
      }
      throw e;
    }
  }

  /** Moves last seen forward and clears a recovery older than {@code seenAt}; no write if stale. */
  private void seenFailing(String findingId, Instant seenAt) {
    var current = evidenceOf(findingId);
    var lastSeen = current.map(c -> Times.parseInstant(c.getLastSeenAt())).orElse(null);
    var recovered = current.map(c -> Times.parseInstant(c.getEvidenceRecoveredAt())).orElse(null);
    boolean newer = lastSeen == null || seenAt.isAfter(lastSeen);
    boolean clearsRecovery = recovered != null && !seenAt.isBefore(recovered);
    if (!newer && !clearsRecovery) {
      return;
    }
    var next = FindingEvidenceItem.of(findingId, newer ? seenAt : lastSeen,
        clearsRecovery ? null : recovered);
    if (!clearsRecovery) {
      // the common case of an unchanged run: one conditional write, no transaction
      try {
        evidence.putItem(software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest
            .builder(FindingEvidenceItem.class)
            .item(next)
            .conditionExpression(unchangedEvidence(current))
            .build());
      } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
        // a concurrent observation updated the evidence first; it is at least as new
      }
      return;
    }
    try {
      transactions.write(tx -> {
        tx.addPutItem(evidence, TransactPutItemEnhancedRequest.builder(FindingEvidenceItem.class)
            .item(next)
            .conditionExpression(unchangedEvidence(current))
            .build());
        if (clearsRecovery) {
          findById(FindingId.of(findingId)).ifPresent(f ->
              tx.addPutItem(events, FindingEventItem.of(f, Event.FAILING_AGAIN, seenAt)));
        }
      });
    } catch (TransactionCanceledException e) {
      if (!Transactions.conditionFailed(e, 0)) {
        throw e;
      }
      // a concurrent observation updated the evidence first; it is at least as new
    }
  }

  /** The evidence item is still as read (or still absent). */
  private static software.amazon.awssdk.enhanced.dynamodb.Expression unchangedEvidence(
      Optional<FindingEvidenceItem> read) {
    return read.map(r -> Conditions.attributeIs(FindingEvidenceItem.LAST_SEEN_AT,
        r.getLastSeenAt())).orElse(Conditions.absent());
  }

  private Optional<FindingEvidenceItem> evidenceOf(String findingId) {
    return Optional.ofNullable(evidence.getItem(r -> r
        .key(Keys.key(Keys.finding(findingId), FindingEvidenceItem.SK)).consistentRead(true)));
  }

  private Optional<LastFindingItem> lastFinding(String subjectKey) {
    return Optional.ofNullable(lasts.getItem(r -> r
        .key(Keys.key(Keys.subject(subjectKey), LastFindingItem.SK)).consistentRead(true)));
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
        .map(item -> item.toDomain(evidenceOf(id.value()).orElse(null)));
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
    var items = findings.index(VigilTable.GSI1).query(request).stream()
        .flatMap(page -> page.items().stream())
        .toList();
    var tracked = evidenceOf(items.stream()
        .filter(i -> i.getCheckId() != null).map(FindingItem::getFindingId).toList());
    return items.stream().map(i -> i.toDomain(tracked.get(i.getFindingId()))).toList();
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

  /** The evidence items of many findings, read in batches of 100. */
  private java.util.Map<String, FindingEvidenceItem> evidenceOf(List<String> findingIds) {
    var out = new java.util.HashMap<String, FindingEvidenceItem>();
    for (int i = 0; i < findingIds.size(); i += 100) {
      var chunk = findingIds.subList(i, Math.min(i + 100, findingIds.size()));
      var batch = software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch
          .builder(FindingEvidenceItem.class).mappedTableResource(evidence);
      chunk.forEach(id -> batch.addGetItem(Keys.key(Keys.finding(id), FindingEvidenceItem.SK)));
      enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(evidence)
          .forEach(item -> out.put(item.getFindingId(), item));
    }
    return out;
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
