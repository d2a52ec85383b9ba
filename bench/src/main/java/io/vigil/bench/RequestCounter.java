package io.vigil.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A global AWS SDK v2 execution interceptor (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so every client built in
 * this JVM gets it without any change to production code). It feeds {@link RequestStats}: one API
 * call per execution, one attempt per transmission (retries show as attempts &gt; calls), failed
 * calls, the time between handing a request to the HTTP client and getting its response back
 * (on loopback the emulator's service time), the request payload bytes, and the DynamoDB request
 * units each call would be billed ({@link DynamoDbCapacity}).
 *
 * <p>The SDK creates an instance per client, hence the shared static {@link RequestStats}.
 */
public final class RequestCounter implements ExecutionInterceptor {

  private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("bench.sentAt");

  /** The SDK's name of DynamoDB, as {@link SdkExecutionAttribute#SERVICE_NAME} gives it. */
  private static final String DYNAMODB = "DynamoDb";

  /** Called by the SDK through the classpath resource. */
  public RequestCounter() {}

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    RequestStats.INSTANCE.call(service(attributes), operation(attributes));
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    attributes.putAttribute(SENT_AT, System.nanoTime());
    var headers = context.httpRequest();
    // S3 uploads are sent aws-chunked: the decoded length is the object's
    var length = headers.firstMatchingHeader("x-amz-decoded-content-length")
        .or(() -> headers.firstMatchingHeader("Content-Length"));
    length.ifPresent(l -> {
      try {
        RequestStats.INSTANCE.sent(service(attributes), operation(attributes), Long.parseLong(l));
      } catch (NumberFormatException ignored) {
        // not a length: nothing to count
      }
    });
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context,
      ExecutionAttributes attributes) {
    var sentAt = attributes.getAttribute(SENT_AT);
    if (sentAt != null) {
      RequestStats.INSTANCE.attempt(service(attributes), operation(attributes), sentAt,
          System.nanoTime());
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (DYNAMODB.equals(service(attributes))) {
      RequestStats.INSTANCE.capacity(DYNAMODB, operation(attributes),
          DynamoDbCapacity.of(context.request(), context.response()));
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context,
      ExecutionAttributes attributes) {
    RequestStats.INSTANCE.failed(service(attributes), operation(attributes));
    if (DYNAMODB.equals(service(attributes))) {
      // a write whose condition failed is billed all the same
      RequestStats.INSTANCE.capacity(DYNAMODB, operation(attributes),
          DynamoDbCapacity.of(context.request(), null));
    }
  }

  private static String service(ExecutionAttributes attributes) {
    var s = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    return s == null ? "?" : s;
  }

  private static String operation(ExecutionAttributes attributes) {
    var o = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return o == null ? "?" : o;
  }
}
