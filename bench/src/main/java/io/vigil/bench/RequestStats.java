package io.vigil.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link RequestCounter} saw since the last {@link #reset()}: per service and operation the
 * API calls, HTTP attempts, failed calls, summed round-trip time, request payload bytes and, for
 * DynamoDB item operations, the estimated request units ({@link DynamoDbCapacity}), plus every
 * round trip's interval so that the wall time with at least one request in flight can be
 * computed.
 */
public final class RequestStats {

  /** The one instance the interceptors of all clients feed. */
  public static final RequestStats INSTANCE = new RequestStats();

  /** Counters of one (service, operation). */
  public static final class Op {
    final LongAdder calls = new LongAdder();
    final LongAdder attempts = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();

    public long calls() {
      return calls.sum();
    }

    public long attempts() {
      return attempts.sum();
    }

    public long failures() {
      return failures.sum();
    }

    public long nanos() {
      return nanos.sum();
    }

    /** Request payload bytes sent (e.g. the evidence objects of S3 PutObject). */
    public long bytesSent() {
      return bytesSent.sum();
    }

    /** Estimated DynamoDB read request units (0 for other services). */
    public double readUnits() {
      return readUnits.sum();
    }

    /** Estimated DynamoDB write request units (0 for other services). */
    public double writeUnits() {
      return writeUnits.sum();
    }
  }

  private final Map<String, Op> ops = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<long[]> intervals = new ConcurrentLinkedQueue<>();

  private RequestStats() {}

  private Op op(String service, String operation) {
    return ops.computeIfAbsent(service + " " + operation, k -> new Op());
  }

  void call(String service, String operation) {
    op(service, operation).calls.increment();
  }

  void attempt(String service, String operation, long sentAt, long receivedAt) {
    var op = op(service, operation);
    op.attempts.increment();
    op.nanos.add(receivedAt - sentAt);
    intervals.add(new long[] {sentAt, receivedAt});
  }

  void failed(String service, String operation) {
    op(service, operation).failures.increment();
  }

  void sent(String service, String operation, long bytes) {
    op(service, operation).bytesSent.add(bytes);
  }

  void capacity(String service, String operation, DynamoDbCapacity.Units units) {
    var op = op(service, operation);
    op.readUnits.add(units.read());
    op.writeUnits.add(units.write());
  }

  /** Forgets everything counted so far. */
  public void reset() {
    ops.clear();
    intervals.clear();
  }

  /** A copy of the counters, keyed "Service Operation", sorted by key. */
  public Map<String, Op> snapshot() {
    return new TreeMap<>(ops);
  }

  /** API calls of {@code service} (the SDK's name, e.g. "DynamoDb", "S3"), all operations. */
  public long calls(String service) {
    return ops.entrySet().stream().filter(e -> e.getKey().startsWith(service + " "))
        .mapToLong(e -> e.getValue().calls()).sum();
  }

  /** API calls of every service. */
  public long calls() {
    return ops.values().stream().mapToLong(Op::calls).sum();
  }

  /** Summed round-trip time of every attempt (threads in parallel each count). */
  public long roundTripNanos() {
    return ops.values().stream().mapToLong(Op::nanos).sum();
  }

  /** The length of the union of all round-trip intervals: wall time with a request in flight. */
  public long inFlightNanos() {
    List<long[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(a -> a[0]));
    long total = 0;
    long start = Long.MIN_VALUE;
    long end = Long.MIN_VALUE;
    for (var i : sorted) {
      if (i[0] > end) {
        if (end > start) {
          total += end - start;
        }
        start = i[0];
        end = i[1];
      } else if (i[1] > end) {
        end = i[1];
      }
    }
    if (end > start) {
      total += end - start;
    }
    return total;
  }
}
