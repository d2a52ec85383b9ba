package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.ApplicationContext;
import io.vigil.domain.collection.CollectionService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The claim deadline: the Lambda context's remaining time, else the documented default. */
class InvocationDeadlineTest {

  @Test
  void isTheInvocationsDeadline_whenALambdaContextIsRegistered() {
    try (var context = ApplicationContext.run()) {
      context.registerSingleton(Context.class, new RemainingTime(90_000));

      assertWithin(context, Duration.ofSeconds(90));
    }
  }

  @Test
  void isTheDefaultClaim_outsideLambda() {
    try (var context = ApplicationContext.run()) {
      assertWithin(context, CollectionService.DEFAULT_CLAIM);
    }
  }

  @Test
  void isTheDefaultClaim_whenTheRegisteredContextHasNoTimeLeft() {
    try (var context = ApplicationContext.run()) {
      context.registerSingleton(Context.class, new RemainingTime(0));

      assertWithin(context, CollectionService.DEFAULT_CLAIM);
    }
  }

  private static void assertWithin(ApplicationContext context, Duration expected) {
    var before = Instant.now();
    var deadline = InvocationDeadline.of(context);
    var after = Instant.now();
    assertFalse(deadline.isBefore(before.plus(expected)), deadline + " vs " + before);
    assertTrue(!deadline.isAfter(after.plus(expected)), deadline + " vs " + after);
  }

  /** A Lambda context that reports a fixed remaining time. */
  private record RemainingTime(int getRemainingTimeInMillis) implements Context {

    @Override
    public String getAwsRequestId() {
      return "request";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/vigil-collect-evidence";
    }

    @Override
    public String getLogStreamName() {
      return "test";
    }

    @Override
    public String getFunctionName() {
      return "vigil-collect-evidence";
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:123456789012:function:vigil-collect-evidence";
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
    public int getMemoryLimitInMB() {
      return 2048;
    }

    @Override
    public LambdaLogger getLogger() {
      return null;
    }
  }
}
