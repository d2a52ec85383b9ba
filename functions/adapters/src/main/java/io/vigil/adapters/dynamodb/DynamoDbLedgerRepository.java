package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.adapters.dynamodb.internal.Transactions;
import io.vigil.domain.evidence.EvidenceIntegrityException;
import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.LedgerRepository;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link LedgerRepository} on the Vigil table. The chain lives in partition {@code LEDGER}: one
 * item per entry under {@code ENTRY#<sequence, 20 digits>} and the head pointer {@code HEAD} (a
 * copy of the latest entry); each recorded unit has an index item {@code LEDGERUNIT#<unitId>/META}.
 *
 * <p>An append is one {@code TransactWriteItems} of three puts: the entry (condition: absent), the
 * unit item (condition: absent) and the head (condition: absent for the first entry, else
 * {@code sequence = :previous AND entryHash = :previousHash}). So of two concurrent appends at
 * most one wins, and a retried unit cannot append twice. A transaction cancelled for a conflict is
 * reported as {@link Append#HEAD_MOVED}: the ledger reads the head again and retries.
 *
 * <p>The chain is walked with a strongly consistent {@code Query} of {@code LEDGER}, sort keys
 * between two entry keys, page by page; nothing scans.
 */
public final class DynamoDbLedgerRepository implements LedgerRepository {

  private static final int INDEX_ENTRY = 0;
  private static final int INDEX_UNIT = 1;
  private static final int INDEX_HEAD = 2;

  private final String tableName;
  private final DynamoDbTable<LedgerEntryItem> entries;
  private final DynamoDbTable<LedgerUnitItem> units;
  private final Transactions transactions;
  private final Integer pageSize;

  public DynamoDbLedgerRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this(enhanced, tableName, null);
  }

  /** For tests: a Query page size (null: up to 1 MB per page). */
  DynamoDbLedgerRepository(DynamoDbEnhancedClient enhanced, String tableName, Integer pageSize) {
    this.tableName = new VigilTable(tableName).name();
    this.entries = enhanced.table(this.tableName, LedgerEntryItem.SCHEMA);
    this.units = enhanced.table(this.tableName, LedgerUnitItem.SCHEMA);
    // one attempt: after a conflict the head has usually moved, so the ledger must re-read it
    this.transactions = new Transactions(enhanced,
        new Backoff(1, Duration.ofMillis(1), Duration.ofMillis(1), d -> { }));
    this.pageSize = pageSize;
  }

  @Override
  public Optional<LedgerEntry> head() {
    return Optional.ofNullable(entries.getItem(r -> r
            .key(Keys.key(LedgerKeys.LEDGER, LedgerKeys.HEAD)).consistentRead(true)))
        .map(item -> decode(item, LedgerKeys.HEAD));
  }

  @Override
  public Optional<LedgerEntry> findByUnit(String unitId) {
    var unit = units.getItem(r -> r
        .key(Keys.key(LedgerKeys.unit(unitId), LedgerKeys.META)).consistentRead(true));
    if (unit == null || unit.getSequence() == null) {
      return Optional.empty();
    }
    var sk = LedgerKeys.entry(unit.getSequence());
    return Optional.ofNullable(entries.getItem(r -> r
            .key(Keys.key(LedgerKeys.LEDGER, sk)).consistentRead(true)))
        .map(item -> decode(item, sk));
  }

  @Override
  public Append append(LedgerEntry entry) {
    try {
      transactions.write(tx -> tx
          .addPutItem(entries, TransactPutItemEnhancedRequest.builder(LedgerEntryItem.class)
              .item(LedgerEntryItem.entry(entry))
              .conditionExpression(Conditions.absent())
              .build())
          .addPutItem(units, TransactPutItemEnhancedRequest.builder(LedgerUnitItem.class)
              .item(LedgerUnitItem.of(entry.unitId(), entry.sequence(), entry.entryHash().hex()))
              .conditionExpression(Conditions.absent())
              .build())
          .addPutItem(entries, TransactPutItemEnhancedRequest.builder(LedgerEntryItem.class)
              .item(LedgerEntryItem.head(entry))
              .conditionExpression(headIsPredecessorOf(entry))
              .build()));
      return Append.APPENDED;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, INDEX_UNIT)) {
        return Append.UNIT_RECORDED;
      }
      if (Transactions.conditionFailed(e, INDEX_ENTRY)
          || Transactions.conditionFailed(e, INDEX_HEAD)
          || Transactions.isConflictOnly(e)) {
        return Append.HEAD_MOVED;
      }
      throw e;
    }
  }

  @Override
  public Stream<Stored> entriesAfter(long sequence) {
    if (sequence >= Long.MAX_VALUE) {
      return Stream.empty();
    }
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBetween(
            Keys.key(LedgerKeys.LEDGER, LedgerKeys.entry(sequence + 1)),
            Keys.key(LedgerKeys.LEDGER, LedgerKeys.entry(Long.MAX_VALUE))))
        .consistentRead(true)
        .limit(pageSize)
        .build();
    var walk = new Iterator<Stored>() {
      private Iterator<LedgerEntryItem> items;
      private long last = sequence;

      @Override
      public boolean hasNext() {
        try {
          if (items == null) {
            items = entries.query(request).items().iterator();
          }
          return items.hasNext();
        } catch (SdkException e) {
          throw e;
        } catch (RuntimeException e) {
          throw unreadableAfter(last, e);
        }
      }

      @Override
      public Stored next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        LedgerEntryItem item;
        try {
          item = items.next();
        } catch (SdkException e) {
          throw e;
        } catch (RuntimeException e) {
          throw unreadableAfter(last, e);
        }
        long keySequence;
        try {
          keySequence = LedgerKeys.sequenceOf(item.getSk());
        } catch (IllegalArgumentException e) {
          throw unreadable(item.getSk(), e);
        }
        last = keySequence;
        return new Stored(keySequence, decode(item, item.getSk()));
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** An item the enhanced client could not even map (e.g. an attribute of the wrong type). */
  private EvidenceIntegrityException unreadableAfter(long sequence, RuntimeException cause) {
    var where = "the item after " + locate(sequence);
    return new EvidenceIntegrityException(where + " is not a readable ledger entry: "
        + cause.getMessage(), where, cause);
  }

  @Override
  public String locate(long sequence) {
    return describe(LedgerKeys.entry(sequence));
  }

  private String describe(String sk) {
    return "table " + tableName + " item PK=" + LedgerKeys.LEDGER + " SK=" + sk;
  }

  private LedgerEntry decode(LedgerEntryItem item, String sk) {
    try {
      return item.toDomain();
    } catch (RuntimeException e) {
      throw unreadable(sk, e);
    }
  }

  private EvidenceIntegrityException unreadable(String sk, RuntimeException cause) {
    var where = describe(sk);
    return new EvidenceIntegrityException(where + " is not a readable ledger entry: "
        + cause.getMessage(), where, cause);
  }

  private static Expression headIsPredecessorOf(LedgerEntry entry) {
    if (entry.sequence() == LedgerEntry.FIRST_SEQUENCE) {
      return Conditions.absent();
    }
    return Expression.builder()
        .expression("#seq = :previous AND #hash = :previousHash")
        .putExpressionName("#seq", LedgerEntryItem.SEQUENCE)
        .putExpressionName("#hash", LedgerEntryItem.ENTRY_HASH)
        .putExpressionValue(":previous",
            AttributeValue.fromN(Long.toString(entry.sequence() - 1)))
        .putExpressionValue(":previousHash", AttributeValue.fromS(entry.previousHash().hex()))
        .build();
  }
}
