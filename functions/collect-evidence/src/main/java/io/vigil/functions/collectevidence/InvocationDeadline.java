package io.vigil.functions.collectevidence;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.vigil.domain.collection.CollectionService;
import java.time.Instant;

/**
 * The deadline of the running invocation, which a run or unit is claimed until: from the Lambda
 * context of the current request (Micronaut registers it as a bean before the handler's
 * {@code execute}); outside Lambda (the CLI, tests that pass no context)
 * {@link CollectionService#DEFAULT_CLAIM} from now, the longest a Lambda invocation runs. A context
 * that reports no time left (an earlier request's, kept as a bean) is ignored.
 */
final class InvocationDeadline {

  private InvocationDeadline() {}

  static Instant of(ApplicationContext context) {
    var now = Instant.now();
    return context.findBean(Context.class)
        .map(Context::getRemainingTimeInMillis)
        .filter(remaining -> remaining > 0)
        .map(now::plusMillis)
        .orElseGet(() -> now.plus(CollectionService.DEFAULT_CLAIM));
  }
}
