/**
 * Technology adapters of the domain ports: DynamoDB repositories ({@code dynamodb}), the S3
 * evidence vault ({@code s3}), the EventBridge domain event publisher ({@code eventbridge}), and
 * {@link io.vigil.adapters.VigilStorage}, which creates the storage they need.
 */
package io.vigil.adapters;
