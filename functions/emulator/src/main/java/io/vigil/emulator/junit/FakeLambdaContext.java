package io.vigil.emulator.junit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;

/**
 * The Lambda context of one invocation of a function, with a fixed remaining time. No identity,
 * client context or logger.
 *
 * @param functionName e.g. {@code vigil-notify}; also names the log group and the ARN
 * @param memoryLimitInMB the function's memory size
 * @param remainingMillis what {@link #getRemainingTimeInMillis()} answers, at every call
 * @param requestId the invocation's request id
 */
public record FakeLambdaContext(String functionName, int memoryLimitInMB, int remainingMillis,
    String requestId) implements Context {

  /** An invocation of {@code functionName} with a random request id. */
  public FakeLambdaContext(String functionName, int memoryLimitInMB, int remainingMillis) {
    this(functionName, memoryLimitInMB, remainingMillis, UUID.randomUUID().toString());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "test";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "1";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:eu-west-1:123456789012:function:" + functionName + ":live";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis;
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMB;
  }

  @Override
  public LambdaLogger getLogger() {
    return null;
  }
}
