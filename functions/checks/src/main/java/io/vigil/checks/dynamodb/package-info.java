/**
 * DynamoDB checks and the region-scoped {@link io.vigil.checks.dynamodb.DynamoDbSnapshotLoader}:
 * every table of the region with its deletion protection, encryption, point-in-time recovery and
 * the manager of its KMS key.
 */
package io.vigil.checks.dynamodb;
