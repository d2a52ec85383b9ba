/**
 * DynamoDB adapters of the domain's persistence ports, on the single table described in
 * {@code docs/data-model.md}: {@link io.vigil.adapters.dynamodb.VigilTable} (names and creation),
 * {@link io.vigil.adapters.dynamodb.DynamoDbRunRepository},
 * {@link io.vigil.adapters.dynamodb.DynamoDbResultRepository} and
 * {@link io.vigil.adapters.dynamodb.DynamoDbFindingRepository}. Item classes map with static
 * Enhanced Client schemas built once (no bean introspection).
 */
package io.vigil.adapters.dynamodb;
