package io.vigil.domain.fakes;

import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.LedgerRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * In-memory {@link LedgerRepository} for unit tests: appends are serialised by a lock, like the
 * conditional transaction of the DynamoDB adapter. Its {@code tamper*} methods change the stored
 * items behind the ledger's back, as someone with write access to the table could.
 */
public final class InMemoryLedgerRepository implements LedgerRepository {

  private final TreeMap<Long, LedgerEntry> slots = new TreeMap<>();
  private final Map<String, Long> units = new HashMap<>();
  private LedgerEntry head;
  private int appends;

  @Override
  public synchronized Optional<LedgerEntry> head() {
    return Optional.ofNullable(head);
  }

  @Override
  public synchronized Optional<LedgerEntry> findByUnit(String unitId) {
    return Optional.ofNullable(units.get(unitId)).map(slots::get);
  }

  @Override
  public synchronized Append append(LedgerEntry entry) {
    if (units.containsKey(entry.unitId())) {
      return Append.UNIT_RECORDED;
    }
    boolean extendsHead = head == null
        ? entry.sequence() == LedgerEntry.FIRST_SEQUENCE
        : entry.sequence() == head.sequence() + 1
            && entry.previousHash().equals(head.entryHash());
    if (!extendsHead || slots.containsKey(entry.sequence())) {
      return Append.HEAD_MOVED;
    }
    slots.put(entry.sequence(), entry);
    units.put(entry.unitId(), entry.sequence());
    head = entry;
    appends++;
    return Append.APPENDED;
  }

  /** Pages of two, like a paginated Query, over a snapshot taken page by page. */
  @Override
  public Stream<Stored> entriesAfter(long sequence) {
    return Stream.iterate(page(sequence), p -> !p.isEmpty(),
            p -> page(p.get(p.size() - 1).keySequence()))
        .flatMap(p -> p.stream());
  }

  private synchronized ArrayList<Stored> page(long after) {
    var page = new ArrayList<Stored>();
    for (var e : slots.tailMap(after, false).entrySet()) {
      if (page.size() == 2) {
        break;
      }
      page.add(new Stored(e.getKey(), e.getValue()));
    }
    return page;
  }

  /** Successful appends so far. */
  public synchronized int appends() {
    return appends;
  }

  /** Replaces the content stored under {@code sequence} (the head pointer is left alone). */
  public synchronized void tamperReplace(long sequence, UnaryOperator<LedgerEntry> change) {
    slots.put(sequence, change.apply(slots.get(sequence)));
  }

  /** Deletes the item stored under {@code sequence} (the head pointer is left alone). */
  public synchronized void tamperDelete(long sequence) {
    slots.remove(sequence);
  }

  /** Swaps the contents stored under {@code a} and {@code b}. */
  public synchronized void tamperSwap(long a, long b) {
    var first = slots.get(a);
    slots.put(a, slots.get(b));
    slots.put(b, first);
  }

  /** Replaces (or, with null, deletes) the head pointer. */
  public synchronized void tamperHead(LedgerEntry newHead) {
    head = newHead;
  }
}
