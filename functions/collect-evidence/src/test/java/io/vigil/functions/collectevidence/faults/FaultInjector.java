package io.vigil.functions.collectevidence.faults;

import java.net.SocketTimeoutException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-scope SDK interceptor that injects AWS faults into HTTP attempts. It is registered for every
 * SDK client of the test JVM through the SDK's global interceptor file
 * ({@code src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors}), so the
 * clients {@code AwsClientFactory} builds for the function get it without any production hook, and
 * it is inert until {@link #activate} is called (and again after {@link #deactivate}).
 *
 * <p>Per HTTP attempt, with probability {@code rate}, one transient fault is thrown before the
 * request is sent, drawn evenly from: throttling (400, {@code ThrottlingException}), a server error
 * (500, {@code InternalFailure}) and a read timeout ({@link SdkClientException} caused by a
 * {@link SocketTimeoutException}). All three are retryable, so the SDK's retry strategy sees them as
 * it would see real ones. In addition, with probability {@code persistentRate} a whole API call is
 * doomed: every attempt fails with 403 {@code AccessDenied}, which is not retried — this makes some
 * reads fail for good, as an unreachable service would. Draws come from one seeded
 * {@link Random}; the collection itself is concurrent, so which call gets which fault can vary
 * between runs, the rates do not.
 */
public final class FaultInjector implements ExecutionInterceptor {

  /** The kinds of fault injected. */
  public enum Kind { THROTTLING, SERVER_ERROR, TIMEOUT, PERSISTENT_ACCESS_DENIED }

  /** Marker in every injected fault's message. */
  public static final String MARKER = "injected fault";

  private static final ExecutionAttribute<Boolean> DOOMED = new ExecutionAttribute<>("vigil.doomed");

  private static volatile Config config;
  private static final AtomicLong calls = new AtomicLong();
  private static final AtomicLong attempts = new AtomicLong();
  private static final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);

  static {
    for (var k : Kind.values()) {
      injected.put(k, new AtomicLong());
    }
  }

  private record Config(double rate, double persistentRate, Random random,
      BiPredicate<String, String> target) {}

  /**
   * Starts injecting into calls {@code target.test(service, operation)} accepts; resets the counts.
   */
  public static void activate(long seed, double rate, double persistentRate,
      BiPredicate<String, String> target) {
    calls.set(0);
    attempts.set(0);
    injected.values().forEach(c -> c.set(0));
    config = new Config(rate, persistentRate, new Random(seed), target);
  }

  /** Stops injecting. */
  public static void deactivate() {
    config = null;
  }

  /**
   * The AWS reads of the collected estate: every call except Vigil's own storage — item operations
   * on DynamoDB (the Vigil table) and object operations on S3 (the evidence vault).
   */
  public static boolean awsReadsOnly(String service, String operation) {
    if (service.equalsIgnoreCase("DynamoDB")) {
      return operation.startsWith("List") || operation.startsWith("Describe");
    }
    if (service.equalsIgnoreCase("S3")) {
      return !VAULT_OPERATIONS.contains(operation);
    }
    return true;
  }

  private static final Set<String> VAULT_OPERATIONS = Set.of("PutObject", "GetObject",
      "HeadObject", "ListObjectsV2", "ListObjects", "DeleteObject", "CreateBucket", "HeadBucket",
      "PutBucketVersioning", "PutObjectLockConfiguration", "PutBucketEncryption",
      "PutPublicAccessBlock");

  /** API calls seen by the target filter while active. */
  public static long calls() {
    return calls.get();
  }

  /** HTTP attempts of those calls (first attempts and retries). */
  public static long attempts() {
    return attempts.get();
  }

  public static long injected(Kind kind) {
    return injected.get(kind).get();
  }

  public static long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    var c = config;
    if (c == null || !targeted(c, attributes)) {
      return;
    }
    calls.incrementAndGet();
    boolean doomed;
    synchronized (c.random()) {
      doomed = c.random().nextDouble() < c.persistentRate();
    }
    attributes.putAttribute(DOOMED, doomed);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    var c = config;
    if (c == null || attributes.getAttribute(DOOMED) == null) {
      return;
    }
    attempts.incrementAndGet();
    var service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    var operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (attributes.getAttribute(DOOMED)) {
      injected.get(Kind.PERSISTENT_ACCESS_DENIED).incrementAndGet();
      throw serviceError(403, "AccessDenied", service, operation);
    }
    Kind kind;
    synchronized (c.random()) {
      if (c.random().nextDouble() >= c.rate()) {
        return;
      }
      kind = Kind.values()[c.random().nextInt(3)];
    }
    injected.get(kind).incrementAndGet();
    throw switch (kind) {
      case THROTTLING -> serviceError(400, "ThrottlingException", service, operation);
      case SERVER_ERROR -> serviceError(500, "InternalFailure", service, operation);
      default -> SdkClientException.builder()
          .message(MARKER + ": read timed out on " + service + "." + operation)
          .cause(new SocketTimeoutException(MARKER + ": read timed out")).build();
    };
  }

  private static boolean targeted(Config c, ExecutionAttributes attributes) {
    var service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    var operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return service != null && operation != null && c.target().test(service, operation);
  }

  private static AwsServiceException serviceError(int status, String code, String service,
      String operation) {
    return AwsServiceException.builder()
        .statusCode(status)
        .message(MARKER + ": " + code + " on " + service + "." + operation)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
            .errorMessage(MARKER + ": " + code + " on " + service + "." + operation)
            .serviceName(service).build())
        .build();
  }

  /** The counts, for the test output. */
  public static String summary() {
    return "calls=" + calls() + " attempts=" + attempts() + " injected=" + injectedTotal()
        + " " + injected;
  }
}
