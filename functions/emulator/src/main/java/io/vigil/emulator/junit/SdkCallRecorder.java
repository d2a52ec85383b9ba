package io.vigil.emulator.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-scope SDK interceptor that records every request an SDK client of the test JVM sends while
 * recording is on (each HTTP attempt, retries included): service, operation, the resource the
 * request names and the request as sent. It records nothing until {@link #start()} (or while
 * {@link #record(Runnable)} runs), so registering it costs nothing.
 *
 * <p>Register it for every SDK client of a module's test JVM by naming it
 * ({@code io.vigil.emulator.junit.SdkCallRecorder}) on a line of
 * {@code src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors}; the
 * clients the function builds are then recorded with no production hook. This jar does not
 * register it itself.
 *
 * <p>The recording is JVM-wide: calls made by any thread meanwhile are recorded too.
 */
public final class SdkCallRecorder implements ExecutionInterceptor {

  /**
   * One request sent: e.g. {@code DynamoDb GetItem} on table {@code vigil}. Two calls are equal
   * when their service, operation and resource are, so that an expected call can be written as
   * {@code new Call("DynamoDb", "GetItem", table)} (e.g. in an allow-list) and compared with
   * recorded ones; the request is not compared.
   */
  public static final class Call {

    private final String service;
    private final String operation;
    private final String resource;
    private final SdkRequest request;

    /**
     * An expected call, to compare recorded ones with.
     *
     * @param service the SDK's service name ({@link SdkExecutionAttribute#SERVICE_NAME}), e.g.
     *     {@code DynamoDb}, {@code S3}, {@code Sts}
     * @param operation the operation name, e.g. {@code GetItem}
     * @param resource what the request names (table, schedule group, bucket, ...), null if nothing
     */
    public Call(String service, String operation, String resource) {
      this(service, operation, resource, null);
    }

    private Call(String service, String operation, String resource, SdkRequest request) {
      this.service = service;
      this.operation = operation;
      this.resource = resource;
      this.request = request;
    }

    /** The SDK's service name, e.g. {@code DynamoDb}. */
    public String service() {
      return service;
    }

    /** The operation name, e.g. {@code GetItem}. */
    public String operation() {
      return operation;
    }

    /**
     * What the request names: the first it has of {@code TableName}, {@code GroupName},
     * {@code Bucket}, {@code QueueUrl}, {@code EventBusName}, {@code RoleArn} and {@code Name};
     * null if none.
     */
    public String resource() {
      return resource;
    }

    /** The table the request names ({@code TableName}), null if none. */
    public String table() {
      return request == null ? null : request.getValueForField("TableName", String.class)
          .orElse(null);
    }

    /**
     * The request as sent, e.g. a DynamoDB {@code PutItemRequest} to inspect its item; null for
     * a call made with {@link #Call(String, String, String)}.
     */
    public SdkRequest request() {
      return request;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Call call && Objects.equals(service, call.service)
          && Objects.equals(operation, call.operation) && Objects.equals(resource, call.resource);
    }

    @Override
    public int hashCode() {
      return Objects.hash(service, operation, resource);
    }

    @Override
    public String toString() {
      return service + " " + operation + (resource == null ? "" : " " + resource);
    }
  }

  /** Request fields that name the resource a call is about, in the order they are looked for. */
  private static final List<String> RESOURCE_FIELDS = List.of("TableName", "GroupName",
      "Bucket", "QueueUrl", "EventBusName", "RoleArn", "Name");

  private static final Object LOCK = new Object();
  private static List<Call> recording;

  /** Forgets any earlier recording and records from now on. */
  public static void start() {
    synchronized (LOCK) {
      recording = new ArrayList<>();
    }
  }

  /**
   * Stops recording and returns the calls recorded since {@link #start()}, in order (none if
   * recording was not on). Calls sent afterwards are not recorded.
   */
  public static List<Call> stop() {
    synchronized (LOCK) {
      var calls = recording == null ? List.<Call>of() : List.copyOf(recording);
      recording = null;
      return calls;
    }
  }

  /**
   * Runs {@code action} while recording and returns the calls sent meanwhile, in order; recording
   * stops even if the action throws. Not reentrant, and not to be mixed with {@link #start()}.
   */
  public static List<Call> record(Runnable action) {
    start();
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
    return stop();
  }

  /** The calls one per line, or {@code (no call)}: for a failing assertion's message. */
  public static String describe(List<Call> calls) {
    return calls.isEmpty() ? "(no call)"
        : calls.stream().map(Call::toString).collect(Collectors.joining("\n"));
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    synchronized (LOCK) {
      if (recording == null) {
        return;
      }
      var request = context.request();
      recording.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
          attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), resource(request),
          request));
    }
  }

  private static String resource(SdkRequest request) {
    return RESOURCE_FIELDS.stream()
        .map(field -> request.getValueForField(field, Object.class))
        .flatMap(Optional::stream)
        .map(String::valueOf)
        .findFirst()
        .orElse(null);
  }
}
