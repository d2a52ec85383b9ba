/**
 * Lambda checks and the region-scoped {@link io.vigil.checks.lambda.LambdaSnapshotLoader}: the
 * functions of a region with their runtime, the names (never the values) of their environment
 * variables, and the statements of their resource-based policies.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#NETWORK}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Network
@Requires(classes = LambdaClient.class)
package io.vigil.checks.lambda;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.lambda.LambdaClient;
