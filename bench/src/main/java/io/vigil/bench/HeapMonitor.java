package io.vigil.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use during a run, three ways: the sum of the heap pools' peak usage (reset at
 * {@link #reset()}; an upper bound, as pools peak at different moments), the largest heap occupancy
 * seen just before a collection (the practical peak), and the largest occupancy just after one (the
 * live set plus what had been promoted: what the run really needs).
 */
public final class HeapMonitor {

  private final AtomicLong maxBeforeGc = new AtomicLong();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final LongAdder collections = new LongAdder();
  private final LongAdder gcMillis = new LongAdder();

  /** Subscribes to GC notifications of every collector. */
  public HeapMonitor() {
    NotificationListener listener = (notification, handback) -> {
      if (!notification.getType().equals(
          GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      var info = GarbageCollectionNotificationInfo.from(
          (CompositeData) notification.getUserData());
      long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
          .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
      long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
          .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
      maxBeforeGc.accumulateAndGet(before, Math::max);
      maxAfterGc.accumulateAndGet(after, Math::max);
      collections.increment();
      gcMillis.add(info.getGcInfo().getDuration());
    };
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
  }

  private static boolean isHeap(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
  }

  /** Starts a new measurement window. */
  public void reset() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    maxBeforeGc.set(0);
    maxAfterGc.set(0);
    collections.reset();
    gcMillis.reset();
  }

  /** Sum of the heap pools' peaks since {@link #reset()}. */
  public long poolPeaks() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  public long maxBeforeGc() {
    return maxBeforeGc.get();
  }

  public long maxAfterGc() {
    return maxAfterGc.get();
  }

  public long collections() {
    return collections.sum();
  }

  public long gcMillis() {
    return gcMillis.sum();
  }

  /** The heap limit (-Xmx). */
  public static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
