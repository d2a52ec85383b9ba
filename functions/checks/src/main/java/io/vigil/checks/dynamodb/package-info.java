/**
 * DynamoDB checks and the region-scoped {@link io.vigil.checks.dynamodb.DynamoDbSnapshotLoader}:
 * every table of the region with its deletion protection, encryption, point-in-time recovery and
 * the manager of its KMS key.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = {DynamoDbClient.class, KmsClient.class})
package io.vigil.checks.dynamodb;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
