/**
 * Lambda checks and the region-scoped {@link io.vigil.checks.lambda.LambdaSnapshotLoader}: the
 * functions of a region with their runtime, the names (never the values) of their environment
 * variables, and the statements of their resource-based policies.
 */
package io.vigil.checks.lambda;
