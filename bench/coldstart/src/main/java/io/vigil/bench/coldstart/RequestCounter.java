package io.vigil.bench.coldstart;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS API call of a child JVM by {@code Service.Operation}. A global SDK interceptor:
 * the harness registers it only in the diagnostic (first, discarded) run of each series, by putting
 * a directory with {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the
 * class path; timed runs do not load it. No production code is touched.
 */
public final class RequestCounter implements ExecutionInterceptor {

  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static volatile boolean registered;

  /** Instantiated by the SDK from the global interceptors file. */
  public RequestCounter() {
    registered = true;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context,
      ExecutionAttributes attributes) {
    var service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    var operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(service + "." + operation, k -> new AtomicInteger()).incrementAndGet();
  }

  /** True once the SDK has created this interceptor in this JVM. */
  static boolean registered() {
    return registered;
  }

  /** {@code total=N Service.Operation=n ...}, operations sorted by name. */
  static String summary() {
    var sorted = new TreeMap<String, Integer>();
    CALLS.forEach((k, v) -> sorted.put(k, v.get()));
    var out = new StringBuilder("total=").append(sorted.values().stream()
        .mapToInt(Integer::intValue).sum());
    sorted.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
    return out.toString();
  }
}
