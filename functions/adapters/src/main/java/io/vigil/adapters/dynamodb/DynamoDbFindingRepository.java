package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.BatchReader;
import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.adapters.dynamodb.internal.Transactions;
import io.vigil.adapters.internal.ConcurrentWrites;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingQuery;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.finding.Page;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link FindingRepository} on the Vigil table. Every change is one {@code TransactWriteItems}
 * that also writes an {@code EVENT} history item (condition: absent, so history is never
 * overwritten); corrective actions are {@code ACTION#<id>} items of the finding's partition, edited
 * under their own version. At most one automated finding per subject is
 * open: opening one creates the subject's {@code OPEN_FINDING} lock item (condition: absent) in the
 * same transaction, closing it deletes the lock. Edits are optimistic: condition
 * {@code version = :expected}, and the stored copy gets version + 1.
 *
 * <p>{@link #findOpen} reads GSI1 and {@link #find} reads GSI3; indexes are eventually
 * consistent, so a change can take a moment to show there. The other reads are strongly
 * consistent.
 */
public final class DynamoDbFindingRepository implements FindingRepository {

  private static final int MAX_LIFECYCLE_ATTEMPTS = 5;
  /** The actor of the automated lifecycle's history entries. */
  private static final String VIGIL = "vigil";
  private static final String CURSOR_VERSION = "v1";

  private final DynamoDbTable<FindingItem> findings;
  private final DynamoDbTable<FindingEventItem> events;
  private final DynamoDbTable<OpenFindingLockItem> locks;
  private final DynamoDbTable<FindingEvidenceItem> evidence;
  private final DynamoDbTable<LastFindingItem> lasts;
  private final DynamoDbTable<CorrectiveActionItem> actions;
  private final DynamoDbTable<OverdueNoticeItem> notices;
  private final AtomicReference<Instant> lastActionCreatedAt = new AtomicReference<>(Instant.MIN);
  private final DynamoDbEnhancedClient enhanced;
  private final Transactions transactions;
  private final Clock clock;
  private final Integer pageSize;

  /** With the system clock (Vigil's own edits, when actions are added, overdue notices noted). */
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
    this.actions = enhanced.table(table, CorrectiveActionItem.SCHEMA);
    this.notices = enhanced.table(table, OverdueNoticeItem.SCHEMA);
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
    FindingRepository.requireRecordable(proposed);
    return record(proposed, seenAt, null);
  }

  /**
   * Reads the failing subjects' locks, then the open findings' evidence items and the other
   * subjects' last findings, with strongly consistent {@code BatchGetItem}s of 100 keys, instead of
   * two {@code GetItem}s per failure; then records each failure as {@link #recordFailure} does,
   * starting from what was read (a changed subject is read again, as there). An unchanged run over
   * N failing subjects thus makes about N / 50 reads and no write. Failures of different subjects
   * are recorded concurrently, {@value ConcurrentWrites#MAX_IN_FLIGHT} subjects at a time; those
   * of one subject one after another, in the order given (the second reads the subject again). If
   * one fails the call fails once those in flight have ended (see {@link ConcurrentWrites}).
   */
  @Override
  public List<FailureOutcome> recordFailures(List<Failure> failures) {
    failures.forEach(f -> FindingRepository.requireRecordable(f.proposed()));
    var subjects = failures.stream().map(f -> f.proposed().subjectKey()).distinct().toList();
    var locked = batchGet(locks, subjects.stream()
        .map(k -> Keys.key(Keys.subject(k), Keys.OPEN_FINDING)).toList(), TableItem::getPk, true);
    var tracked = batchGet(evidence, locked.values().stream()
        .map(l -> Keys.key(Keys.finding(l.getFindingId()), FindingEvidenceItem.SK)).toList(),
        FindingEvidenceItem::getFindingId, true); // by finding id
    // locks and last findings are by partition key: SUBJECT#<subject>
    var lastOf = batchGet(lasts, subjects.stream()
        .filter(k -> !locked.containsKey(Keys.subject(k)))
        .map(k -> Keys.key(Keys.subject(k), LastFindingItem.SK)).toList(), TableItem::getPk, true);
    // subjects are independent (each one's lifecycle is guarded by its own conditions): one task
    // per subject, run concurrently; a subject's failures are recorded in order within its task
    var bySubject = new LinkedHashMap<String, List<Integer>>();
    for (int i = 0; i < failures.size(); i++) {
      bySubject.computeIfAbsent(failures.get(i).proposed().subjectKey(), k -> new ArrayList<>())
          .add(i);
    }
    var outcomes = new FailureOutcome[failures.size()];
    ConcurrentWrites.forEach(List.copyOf(bySubject.entrySet()), indexes -> {
      var subject = Keys.subject(indexes.getKey());
      var lock = Optional.ofNullable(locked.get(subject));
      var read = new Read(lock, lock.map(l -> tracked.get(l.getFindingId())),
          Optional.ofNullable(lastOf.get(subject)));
      for (int i : indexes.getValue()) {
        var f = failures.get(i);
        outcomes[i] = record(f.proposed(), f.seenAt(), read);
        read = null; // a repeat: what was read is stale, it reads the subject again
      }
    });
    return List.of(outcomes);
  }

  /**
   * What was read of a subject before recording its failure: its lock; if locked, the open
   * finding's evidence item, else the subject's last finding.
   */
  private record Read(Optional<OpenFindingLockItem> lock,
      Optional<FindingEvidenceItem> evidence, Optional<LastFindingItem> last) {}

  /** Items by {@code keyOf}, read with {@link BatchReader}. */
  private <T> Map<String, T> batchGet(DynamoDbTable<T> table,
      List<software.amazon.awssdk.enhanced.dynamodb.Key> keys,
      java.util.function.Function<T, String> keyOf, boolean consistent) {
    var out = new HashMap<String, T>();
    BatchReader.get(enhanced, table, keys, consistent)
        .forEach(item -> out.put(keyOf.apply(item), item));
    return out;
  }

  /**
   * Records one failure; {@code read} is the subject's state read in a batch (used by the first
   * attempt only), or null to read it here.
   */
  private FailureOutcome record(Finding proposed, Instant seenAt, Read read) {
    var subject = proposed.subjectKey();
    for (int attempt = 0; attempt < MAX_LIFECYCLE_ATTEMPTS; attempt++) {
      var batched = attempt == 0 ? read : null;
      var open = batched != null ? batched.lock() : lock(subject);
      if (open.isPresent()) {
        var id = open.get().getFindingId();
        seenFailing(id, seenAt, batched != null ? batched.evidence() : evidenceOf(id));
        return FailureOutcome.STILL_OPEN;
      }
      var last = batched != null ? batched.last() : lastFinding(subject);
      var finding = last.map(l -> proposed.relatedTo(FindingId.of(l.getFindingId())))
          .orElse(proposed).seenFailing(seenAt);
      var entry = new HistoryEntry(seenAt, VIGIL, HistoryEntry.Kind.OPENED_BY_CHECK, null,
          finding.status(), last.isPresent() ? List.of("relatedFindingId") : List.of(), null,
          finding.version());
      try {
        transactions.write(tx -> tx
            .addPutItem(locks, putIfAbsent(OpenFindingLockItem.of(finding)))
            .addPutItem(findings, putIfAbsent(FindingItem.from(finding)))
            .addPutItem(evidence, FindingEvidenceItem.of(finding.id().value(), seenAt, null))
            .addPutItem(events, history(finding.id(), entry))
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
    var finding = meta(id, current).orElseThrow();
    var lastSeen = current.map(c -> Times.parseInstant(c.getLastSeenAt()))
        .orElse(finding.raisedAt());
    if (seenAt.isBefore(lastSeen)) {
      return false; // an older observation arriving late: the newer failure stands
    }
    try {
      transactions.write(tx -> tx
          .addPutItem(evidence, TransactPutItemEnhancedRequest.builder(FindingEvidenceItem.class)
              .item(FindingEvidenceItem.of(id, lastSeen, seenAt))
              .conditionExpression(unchangedEvidence(current))
              .build())
          .addPutItem(events, history(finding.id(), new HistoryEntry(seenAt, VIGIL,
              HistoryEntry.Kind.EVIDENCE_RECOVERED, finding.status(), finding.status(),
              List.of("evidenceRecoveredAt"), null, finding.version()))));
      return true;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        return false; // another run recorded a newer observation meanwhile
      }
      throw e;
    }
  }

  /**
   * Clears a recovery no later than {@code seenAt}, and moves last seen forward when
   * {@link Finding#refreshesLastSeen} says so; no write otherwise (the common case of an
   * unchanged run).
   */
  private void seenFailing(String findingId, Instant seenAt,
      Optional<FindingEvidenceItem> current) {
    var lastSeen = current.map(c -> Times.parseInstant(c.getLastSeenAt())).orElse(null);
    var recovered = current.map(c -> Times.parseInstant(c.getEvidenceRecoveredAt())).orElse(null);
    boolean newer = lastSeen == null || seenAt.isAfter(lastSeen);
    boolean clearsRecovery = recovered != null && !seenAt.isBefore(recovered);
    if (!clearsRecovery && !Finding.refreshesLastSeen(lastSeen, seenAt)) {
      return;
    }
    var next = FindingEvidenceItem.of(findingId, newer ? seenAt : lastSeen,
        clearsRecovery ? null : recovered);
    var put = TransactPutItemEnhancedRequest.builder(FindingEvidenceItem.class)
        .item(next)
        .conditionExpression(unchangedEvidence(current))
        .build();
    if (!clearsRecovery) {
      // a refresh of last seen: one conditional write, no transaction
      try {
        evidence.putItem(software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest
            .builder(FindingEvidenceItem.class)
            .item(put.item())
            .conditionExpression(put.conditionExpression())
            .build());
      } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
        // a concurrent observation updated the evidence first; it is at least as new
      }
      return;
    }
    var finding = meta(findingId, current);
    try {
      transactions.write(tx -> {
        tx.addPutItem(evidence, put);
        finding.ifPresent(f -> tx.addPutItem(events, history(f.id(), new HistoryEntry(seenAt,
            VIGIL, HistoryEntry.Kind.FAILING_AGAIN, f.status(), f.status(),
            List.of("lastSeenAt", "evidenceRecoveredAt"), null, f.version()))));
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
  public void create(Finding finding, HistoryEntry entry) {
    try {
      transactions.write(tx -> tx
          .addPutItem(findings, putIfAbsent(FindingItem.from(finding)))
          .addPutItem(events, history(finding.id(), entry)));
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

  /** The finding's META item combined with an evidence item the caller has already read. */
  private Optional<Finding> meta(String findingId, Optional<FindingEvidenceItem> evidenceItem) {
    return Optional.ofNullable(findings.getItem(r -> r
            .key(Keys.key(Keys.finding(findingId), Keys.META)).consistentRead(true)))
        .map(item -> item.toDomain(evidenceItem.orElse(null)));
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

  /** An edit by Vigil itself, at this repository's clock's time. */
  @Override
  public Finding update(Finding finding) {
    return update(finding, new HistoryEntry(clock.now(), VIGIL, HistoryEntry.Kind.EDITED, null,
        finding.status(), List.of(), null, finding.version() + 1));
  }

  /**
   * Saves the edit if the stored version is {@code finding.version()}. Closing an automated
   * finding releases its subject (deletes the lock it holds) in the same transaction.
   *
   * <p>An edit that moves the finding from an open status to CLOSED or DECLINED records the
   * time of its history entry as {@code closedAt} and lists the finding on GSI1 under
   * {@code FINDINGS#CLOSED#<yyyy-MM>} (for {@link DynamoDbClosedFindings}); a later edit of the
   * closed finding keeps that time; REOPENED puts it back under {@code FINDINGS#OPEN}.
   *
   * @throws ConcurrentModificationException if the stored version differs
   * @throws IllegalArgumentException if there is no such finding
   */
  @Override
  public Finding update(Finding finding, HistoryEntry entry) {
    var saved = finding.withVersion(finding.version() + 1);
    boolean closing = !saved.status().isOpen();
    var heldLock = closing && saved.subjectKey() != null
        ? lock(saved.subjectKey()).filter(l -> l.getFindingId().equals(saved.id().value()))
        : Optional.<OpenFindingLockItem>empty();
    var closedAt = closing ? closedAt(saved.id(), entry) : null;
    try {
      transactions.write(tx -> {
        tx.addPutItem(findings, TransactPutItemEnhancedRequest.builder(FindingItem.class)
                .item(FindingItem.from(saved, closedAt))
                .conditionExpression(Conditions.versionIs(finding.version()))
                .build())
            .addPutItem(events, history(saved.id(), entry));
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

  /**
   * When a finding that is saved closed (or declined) was closed: the time of {@code entry} if
   * the stored finding is still open (this edit closes it), else the stored closing time (an edit
   * of a closed finding; null for one closed before closing times were recorded). A stored
   * version other than the edit's makes the conditional write fail anyway.
   */
  private Instant closedAt(FindingId id, HistoryEntry entry) {
    var stored = findings.getItem(r -> r.key(Keys.key(Keys.finding(id.value()), Keys.META))
        .consistentRead(true));
    if (stored == null || FindingStatus.valueOf(stored.getStatus()).isOpen()) {
      return entry.at();
    }
    return Times.parseInstant(stored.getClosedAt());
  }

  /**
   * Stores a new action (condition: absent) with its history entry, if its finding exists.
   *
   * @throws IllegalArgumentException if there is no such finding
   * @throws IllegalStateException if the finding has an action with this id
   */
  @Override
  public CorrectiveAction addAction(CorrectiveAction action, HistoryEntry entry) {
    var findingKey = Keys.key(Keys.finding(action.findingId().value()), Keys.META);
    var item = CorrectiveActionItem.from(action, action.version(),
        CorrectiveActionItem.createdAt(nextActionCreatedAt()));
    try {
      transactions.write(tx -> tx
          .addConditionCheck(findings, ConditionCheck.builder()
              .key(findingKey)
              .conditionExpression(EXISTS)
              .build())
          .addPutItem(actions, putIfAbsent(item))
          .addPutItem(events, history(action.findingId(), entry)));
      return action;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        throw new IllegalArgumentException("no finding " + action.findingId(), e);
      }
      if (Transactions.conditionFailed(e, 1)) {
        throw new IllegalStateException("action " + action.id() + " of finding "
            + action.findingId() + " exists", e);
      }
      throw e;
    }
  }

  /**
   * Saves the edited action if its stored version is {@code action.version()}; the stored copy gets
   * version + 1, keeps the time it was added, and the history entry is written with it.
   *
   * @throws ConcurrentModificationException if the stored version differs
   * @throws IllegalArgumentException if there is no such action
   */
  @Override
  public CorrectiveAction updateAction(CorrectiveAction action, HistoryEntry entry) {
    var stored = actionItem(action.findingId(), action.id()).orElseThrow(
        () -> new IllegalArgumentException("no action " + action.id() + " of finding "
            + action.findingId()));
    var saved = action.withVersion(action.version() + 1);
    try {
      transactions.write(tx -> tx
          .addPutItem(actions, TransactPutItemEnhancedRequest.builder(CorrectiveActionItem.class)
              .item(CorrectiveActionItem.from(saved, saved.version(), stored.getCreatedAt()))
              .conditionExpression(Conditions.versionIs(action.version()))
              .build())
          .addPutItem(events, history(action.findingId(), entry)));
      return saved;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        var now = actionItem(action.findingId(), action.id()).orElseThrow(
            () -> new IllegalArgumentException("no action " + action.id(), e));
        throw new ConcurrentModificationException("action " + action.id() + " was changed by"
            + " someone else (version " + now.getVersion() + ", edit based on "
            + action.version() + ")");
      }
      throw e;
    }
  }

  /** One strongly consistent Query of the finding's {@code ACTION#} items, by time added. */
  @Override
  public List<CorrectiveAction> actionsOf(FindingId id) {
    return partition(actions, id, Keys.ACTION_PREFIX).stream()
        .sorted(Comparator.comparing((CorrectiveActionItem i) -> i.getCreatedAt() == null ? ""
            : i.getCreatedAt()).thenComparing(CorrectiveActionItem::getActionId))
        .map(CorrectiveActionItem::toDomain)
        .toList();
  }

  /** One strongly consistent Query of the finding's {@code EVENT#} items: oldest first. */
  @Override
  public List<HistoryEntry> history(FindingId id) {
    return partition(events, id, Keys.EVENT_PREFIX).stream()
        .map(FindingEventItem::toDomain)
        .toList();
  }

  /**
   * Queries GSI3 ({@code GSI3PK=FINDINGS}) newest first with a filter expression for the query,
   * reading pages until {@code limit} findings match (and one more, to know whether there is a
   * next page) or the index is exhausted. The cursor names the last finding returned; the next
   * page starts right after it.
   *
   * @throws IllegalArgumentException if the cursor was not issued here, or {@code limit < 1}
   */
  @Override
  public Page<Finding> find(FindingQuery query, String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.FINDINGS)))
        .scanIndexForward(false)
        .limit(pageSize);
    filterOf(query).ifPresent(request::filterExpression);
    if (cursor != null) {
      request.exclusiveStartKey(startKeyOf(cursor));
    }
    var matched = new ArrayList<FindingItem>();
    outer:
    for (var page : findings.index(VigilTable.GSI3).query(request.build())) {
      for (var item : page.items()) {
        matched.add(item);
        if (matched.size() > limit) {
          break outer;
        }
      }
    }
    boolean more = matched.size() > limit;
    var items = more ? matched.subList(0, limit) : matched;
    var tracked = evidenceOf(items.stream()
        .filter(i -> i.getCheckId() != null).map(FindingItem::getFindingId).toList());
    var page = items.stream().map(i -> i.toDomain(tracked.get(i.getFindingId()))).toList();
    return new Page<>(page, more ? cursorOf(items.get(items.size() - 1)) : null);
  }

  /**
   * Puts the marker {@code OVERDUE#<actionId>#<day>} of the finding (condition: absent); it expires
   * through TTL after {@value OverdueNoticeItem#KEEP_DAYS} days.
   */
  @Override
  public boolean markOverdueNotified(FindingId findingId, String actionId, LocalDate day) {
    try {
      notices.putItem(PutItemEnhancedRequest.builder(OverdueNoticeItem.class)
          .item(OverdueNoticeItem.of(findingId.value(), actionId, day, clock.now()))
          .conditionExpression(Conditions.absent())
          .build());
      return true;
    } catch (ConditionalCheckFailedException alreadyNoted) {
      return false;
    }
  }

  @Override
  public void clearOverdueNotified(FindingId findingId, String actionId, LocalDate day) {
    var item = OverdueNoticeItem.of(findingId.value(), actionId, day, clock.now());
    notices.deleteItem(Keys.key(item.getPk(), item.getSk()));
  }

  private Optional<CorrectiveActionItem> actionItem(FindingId findingId, String actionId) {
    return Optional.ofNullable(actions.getItem(r -> r
        .key(Keys.key(Keys.finding(findingId.value()), Keys.action(actionId)))
        .consistentRead(true)));
  }

  /** Every item of the finding's partition whose sort key begins with {@code prefix}, in order. */
  private <T> List<T> partition(DynamoDbTable<T> table, FindingId id, String prefix) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(Keys.finding(id.value())).sortValue(prefix)))
        .consistentRead(true)
        .limit(pageSize)
        .build();
    return table.query(request).items().stream().toList();
  }

  /** Times at which actions are added: the clock, but strictly increasing within this process. */
  private Instant nextActionCreatedAt() {
    var now = clock.now();
    return lastActionCreatedAt.updateAndGet(
        last -> now.isAfter(last) ? now : last.plusNanos(1));
  }

  /** The filter expression of {@code query} on the {@code META} items, if it filters anything. */
  private static Optional<Expression> filterOf(FindingQuery query) {
    var terms = new ArrayList<String>();
    var names = new HashMap<String, String>();
    var values = new HashMap<String, AttributeValue>();
    if (query.status() != null) {
      terms.add("#status = :status");
      names.put("#status", "status");
      values.put(":status", AttributeValue.fromS(query.status().name()));
    }
    if (query.type() != null) {
      terms.add("#findingType = :findingType");
      names.put("#findingType", "findingType");
      values.put(":findingType", AttributeValue.fromS(query.type().name()));
    }
    if (query.source() != null) {
      terms.add("#source = :source");
      names.put("#source", "source");
      values.put(":source", AttributeValue.fromS(query.source().name()));
    }
    if (query.control() != null) {
      terms.add("contains(#controls, :control)");
      names.put("#controls", "controls");
      values.put(":control", AttributeValue.fromS(query.control().toString()));
    }
    if (query.owner() != null) {
      names.put("#ownerKey", "ownerKey");
      if (query.owner().isEmpty()) {
        terms.add("(attribute_not_exists(#ownerKey) OR #ownerKey = :owner)");
      } else {
        terms.add("#ownerKey = :owner");
      }
      values.put(":owner", AttributeValue.fromS(FindingItem.ownerKey(query.owner())));
    }
    if (query.overdueOn() != null) {
      var closed = Arrays.stream(FindingStatus.values()).filter(s -> !s.isOpen()).toList();
      names.put("#st", "status");
      names.put("#dueDate", "dueDate");
      for (int i = 0; i < closed.size(); i++) {
        terms.add("#st <> :closed" + i);
        values.put(":closed" + i, AttributeValue.fromS(closed.get(i).name()));
      }
      terms.add("#dueDate < :day");
      values.put(":day", AttributeValue.fromS(Times.format(query.overdueOn())));
    }
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Expression.builder()
        .expression(String.join(" AND ", terms))
        .expressionNames(names)
        .expressionValues(values)
        .build());
  }

  /** Opaque cursor naming a listed finding: base64url of {@code v1|<raisedAt>|<id>}. */
  private static String cursorOf(FindingItem item) {
    var text = CURSOR_VERSION + "|" + item.getRaisedAt() + "|" + item.getFindingId();
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The GSI3 exclusive start key of a cursor: the listed finding's table and index keys. */
  private static Map<String, AttributeValue> startKeyOf(String cursor) {
    String raisedAt;
    String id;
    try {
      var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      var parts = text.split("\\|", -1);
      if (parts.length != 3 || !parts[0].equals(CURSOR_VERSION)) {
        throw new IllegalArgumentException("unknown layout");
      }
      raisedAt = parts[1];
      id = FindingId.of(parts[2]).value();
      if (!raisedAt.equals(Times.format(Times.parseInstant(raisedAt)))) {
        throw new IllegalArgumentException("not a stored time");
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor '" + cursor + "' was not issued by this listing"
          + " (pass the nextCursor of the previous page, or none for the first page)", e);
    }
    return Map.of(
        VigilTable.PK, AttributeValue.fromS(Keys.finding(id)),
        VigilTable.SK, AttributeValue.fromS(Keys.META),
        VigilTable.GSI3_PK, AttributeValue.fromS(Keys.FINDINGS),
        VigilTable.GSI3_SK, AttributeValue.fromS(Keys.findingsByRaisedAt(raisedAt, id)));
  }

  /** The put of a history item: never over another one. */
  private static TransactPutItemEnhancedRequest<FindingEventItem> history(FindingId findingId,
      HistoryEntry entry) {
    return putIfAbsent(FindingEventItem.of(findingId, entry));
  }

  /** The evidence items of many findings, read in batches of 100 (eventually consistent). */
  private Map<String, FindingEvidenceItem> evidenceOf(List<String> findingIds) {
    return batchGet(evidence, findingIds.stream()
        .map(id -> Keys.key(Keys.finding(id), FindingEvidenceItem.SK)).toList(),
        FindingEvidenceItem::getFindingId, false);
  }

  private Optional<OpenFindingLockItem> lock(String subjectKey) {
    return Optional.ofNullable(locks.getItem(r -> r
        .key(Keys.key(Keys.subject(subjectKey), Keys.OPEN_FINDING)).consistentRead(true)));
  }

  private static final Expression EXISTS = Expression.builder()
      .expression("attribute_exists(#pk)")
      .putExpressionName("#pk", VigilTable.PK)
      .build();

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
