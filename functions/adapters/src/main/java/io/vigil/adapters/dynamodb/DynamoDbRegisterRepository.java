package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.adapters.dynamodb.internal.Transactions;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.domain.register.SoaVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link RegisterRepository} on the Vigil table (see {@code docs/data-model.md}):
 *
 * <ul>
 *   <li>one partition per register, {@code REGISTER#<KIND>}, holding its records
 *       ({@code RECORD#<id>}, {@link RegisterRecordItem}) and their history
 *       ({@code EVENT#<id>#<at>#<sequence>}, {@link RegisterEventItem}): a register is listed with
 *       one Query, a record's history with another; a change and its history item are written in
 *       one transaction, the record conditional on its version;
 *   <li>the approved SoA versions under {@code SOA} ({@code VERSION#<10 digits>},
 *       {@link SoaVersionItem}), written once and never changed;
 *   <li>daily notice markers {@code NOTICE#<key>} / {@code <yyyy-MM-dd>} ({@link NoticeItem}) with
 *       a TTL.
 * </ul>
 *
 * <p>Every read is a {@code GetItem} or a strongly consistent {@code Query}; nothing scans.
 */
public final class DynamoDbRegisterRepository implements RegisterRepository {

  private final DynamoDbTable<RegisterRecordItem> records;
  private final DynamoDbTable<RegisterEventItem> events;
  private final DynamoDbTable<SoaVersionItem> soaVersions;
  private final DynamoDbTable<NoticeItem> notices;
  private final Transactions transactions;
  private final Integer pageSize;

  public DynamoDbRegisterRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this(enhanced, tableName, null);
  }

  /** For tests: a Query page size (null: up to 1 MB per page). */
  DynamoDbRegisterRepository(DynamoDbEnhancedClient enhanced, String tableName,
      Integer pageSize) {
    var table = new VigilTable(tableName).name();
    this.records = enhanced.table(table, RegisterRecordItem.SCHEMA);
    this.events = enhanced.table(table, RegisterEventItem.SCHEMA);
    this.soaVersions = enhanced.table(table, SoaVersionItem.SCHEMA);
    this.notices = enhanced.table(table, NoticeItem.SCHEMA);
    this.transactions = new Transactions(enhanced, Backoff.standard());
    this.pageSize = pageSize;
  }

  /** One strongly consistent {@code GetItem}. */
  @Override
  public Optional<RegisterRecord> find(RegisterKind kind, String id) {
    Objects.requireNonNull(kind, "kind");
    if (id == null || !RegisterRecord.ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(read(kind, id)).map(RegisterRecordItem::toDomain);
  }

  /** A strongly consistent Query of the register's {@code RECORD#} items, all pages: by id. */
  @Override
  public List<RegisterRecord> list(RegisterKind kind) {
    Objects.requireNonNull(kind, "kind");
    return query(records, kind, Keys.RECORD_PREFIX).stream()
        .map(RegisterRecordItem::toDomain)
        .toList();
  }

  /**
   * Puts the record (version 1, condition: absent) and its first history item in one transaction.
   *
   * @throws IllegalStateException if a record with this id exists (nothing is written)
   * @throws IllegalArgumentException if the record is too large to store (nothing is written)
   */
  @Override
  public void create(RegisterRecord record, RegisterEvent event) {
    Objects.requireNonNull(event, "event");
    var item = RegisterRecordItem.of(record, 1);
    try {
      transactions.write(tx -> tx
          .addPutItem(records, putIfAbsent(item))
          .addPutItem(events, putIfAbsent(RegisterEventItem.of(record.kind(), record.id(),
              event))));
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        throw new IllegalStateException(record.kind().path() + " record " + record.id()
            + " exists", e);
      }
      throw e;
    }
  }

  /**
   * Reads the stored record (for its creation time and author, which an edit keeps), then puts
   * the changed record with {@code version + 1} under the condition {@code version = :expected},
   * together with its history item, in one transaction.
   *
   * @throws NotFoundException if there is no such record
   * @throws ConcurrentModificationException if the stored version is not {@code changed.version()}
   *     (nothing is written)
   * @throws IllegalArgumentException if the record is too large to store (nothing is written)
   */
  @Override
  public RegisterRecord update(RegisterRecord changed, RegisterEvent event) {
    Objects.requireNonNull(event, "event");
    var stored = read(changed.kind(), changed.id());
    if (stored == null) {
      throw notFound(changed);
    }
    long storedVersion = stored.getVersion() == null ? 0 : stored.getVersion();
    if (storedVersion != changed.version()) {
      throw changedMeanwhile(changed, storedVersion);
    }
    var next = new RegisterRecord(changed.kind(), changed.id(), changed.fields(),
        changed.system(), Times.parseInstant(stored.getCreatedAt()), stored.getCreatedBy(),
        changed.updatedAt(), changed.updatedBy(), changed.version() + 1);
    var item = RegisterRecordItem.of(next, next.version());
    try {
      transactions.write(tx -> tx
          .addPutItem(records, TransactPutItemEnhancedRequest.builder(RegisterRecordItem.class)
              .item(item)
              .conditionExpression(Conditions.versionIs(changed.version()))
              .build())
          .addPutItem(events, putIfAbsent(RegisterEventItem.of(changed.kind(), changed.id(),
              event))));
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 0)) {
        var now = read(changed.kind(), changed.id());
        if (now == null) {
          throw notFound(changed);
        }
        throw changedMeanwhile(changed, now.getVersion() == null ? 0 : now.getVersion());
      }
      throw e;
    }
    return item.toDomain();
  }

  /** A strongly consistent Query of the record's {@code EVENT#<id>#} items: oldest first. */
  @Override
  public List<RegisterEvent> history(RegisterKind kind, String id) {
    Objects.requireNonNull(kind, "kind");
    if (id == null || !RegisterRecord.ID.matcher(id).matches()) {
      return List.of();
    }
    return query(events, kind, Keys.registerEvents(id)).stream()
        .map(RegisterEventItem::toDomain)
        .toList();
  }

  /** One {@code GetItem} of {@code SOA / VERSION#<number>}. */
  @Override
  public Optional<SoaVersion> soaVersion(int number) {
    if (number < 1) {
      return Optional.empty();
    }
    return Optional.ofNullable(soaVersions.getItem(r -> r
            .key(Keys.key(Keys.SOA, Keys.soaVersion(number))).consistentRead(true)))
        .map(SoaVersionItem::toDomain);
  }

  /** One strongly consistent Query of {@code SOA}, descending, {@code Limit 1}. */
  @Override
  public Optional<SoaVersion> latestSoaVersion() {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(Keys.SOA)
            .sortValue(Keys.SOA_VERSION_PREFIX)))
        .scanIndexForward(false)
        .consistentRead(true)
        .limit(1)
        .build();
    var pages = soaVersions.query(request).iterator();
    return pages.hasNext()
        ? pages.next().items().stream().findFirst().map(SoaVersionItem::toDomain)
        : Optional.empty();
  }

  /**
   * Puts the version with condition "absent".
   *
   * @throws IllegalStateException if this version number exists (the stored one is unchanged)
   * @throws IllegalArgumentException if the version is too large to store
   */
  @Override
  public void saveSoaVersion(SoaVersion version) {
    var item = SoaVersionItem.of(version);
    try {
      soaVersions.putItem(PutItemEnhancedRequest.builder(SoaVersionItem.class)
          .item(item)
          .conditionExpression(Conditions.absent())
          .build());
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("SoA version " + version.number() + " exists", e);
    }
  }

  /** Puts {@code NOTICE#<key> / <day>} with condition "absent"; false if it was there. */
  @Override
  public boolean markNotified(String key, LocalDate day) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a notice needs a key");
    }
    Objects.requireNonNull(day, "day");
    try {
      notices.putItem(PutItemEnhancedRequest.builder(NoticeItem.class)
          .item(NoticeItem.of(key, day))
          .conditionExpression(Conditions.absent())
          .build());
      return true;
    } catch (ConditionalCheckFailedException alreadySent) {
      return false;
    }
  }

  @Override
  public void clearNotified(String key, LocalDate day) {
    var item = NoticeItem.of(key, day);
    notices.deleteItem(Keys.key(item.getPk(), item.getSk()));
  }

  private RegisterRecordItem read(RegisterKind kind, String id) {
    return records.getItem(r -> r
        .key(Keys.key(Keys.register(kind), Keys.registerRecord(id))).consistentRead(true));
  }

  /** Every item of the register's partition whose sort key begins with {@code prefix}. */
  private <T> List<T> query(DynamoDbTable<T> table, RegisterKind kind, String prefix) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(Keys.register(kind)).sortValue(prefix)))
        .consistentRead(true)
        .limit(pageSize)
        .build();
    return table.query(request).items().stream().toList();
  }

  private static NotFoundException notFound(RegisterRecord r) {
    return new NotFoundException("no " + r.kind().path() + " record " + r.id());
  }

  private static ConcurrentModificationException changedMeanwhile(RegisterRecord r,
      long storedVersion) {
    return new ConcurrentModificationException(r.kind().path() + " record " + r.id()
        + " was changed by someone else: it is at version " + storedVersion + ", the change is"
        + " based on version " + r.version() + ". Read it again and re-apply the change.");
  }

  private static <T> TransactPutItemEnhancedRequest<T> putIfAbsent(T item) {
    @SuppressWarnings("unchecked")
    var type = (Class<T>) item.getClass();
    return TransactPutItemEnhancedRequest.builder(type)
        .item(item)
        .conditionExpression(Conditions.absent())
        .build();
  }
}
