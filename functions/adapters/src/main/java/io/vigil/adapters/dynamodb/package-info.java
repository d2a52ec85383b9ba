/**
 * DynamoDB adapters of the domain's persistence ports, on the single table described in
 * {@code docs/data-model.md}: {@link io.vigil.adapters.dynamodb.VigilTable} (names and creation),
 * {@link io.vigil.adapters.dynamodb.DynamoDbRunRepository},
 * {@link io.vigil.adapters.dynamodb.DynamoDbResultRepository},
 * {@link io.vigil.adapters.dynamodb.DynamoDbFindingRepository} (with
 * {@link io.vigil.adapters.dynamodb.DynamoDbClosedFindings}, findings closed in a time range) and
 * {@link io.vigil.adapters.dynamodb.DynamoDbMeasureRepository} (measure results per period). Item classes map with static
 * Enhanced Client schemas built once (no bean introspection).
 */
package io.vigil.adapters.dynamodb;
