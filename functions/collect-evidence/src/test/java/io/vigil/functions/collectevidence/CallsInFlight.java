package io.vigil.functions.collectevidence;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-scope SDK interceptor (registered for every client of this module's test JVM in
 * {@code execution.interceptors}): while on, the most API calls of each operation that were in
 * flight at once, from the start of a call to its end (retries and any wait for
 * {@code MotoAtomicWrites}' permit included). Off, it counts nothing.
 */
public final class CallsInFlight implements ExecutionInterceptor {

  private static volatile boolean on;
  private static final Map<String, AtomicInteger> NOW = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> PEAK = new ConcurrentHashMap<>();

  /** Called by the SDK through the classpath resource. */
  public CallsInFlight() {}

  /** Forgets the peaks so far and starts counting. */
  public static void start() {
    NOW.clear();
    PEAK.clear();
    on = true;
  }

  /** Stops counting; the peak per "Service Operation". */
  public static Map<String, Integer> stop() {
    on = false;
    var out = new TreeMap<String, Integer>();
    PEAK.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (on) {
      var key = key(attributes);
      int now = NOW.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      PEAK.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    ended(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context,
      ExecutionAttributes attributes) {
    ended(attributes);
  }

  private static void ended(ExecutionAttributes attributes) {
    var count = NOW.get(key(attributes));
    if (count != null) {
      count.decrementAndGet();
    }
  }

  private static String key(ExecutionAttributes attributes) {
    return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
  }
}
