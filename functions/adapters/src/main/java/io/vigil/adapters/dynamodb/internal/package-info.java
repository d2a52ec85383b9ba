/**
 * Helpers shared by the DynamoDB repositories: the common item shape, fixed-width time codecs,
 * condition expressions, jittered backoff, batch writes that never drop items, and inspection of
 * cancelled transactions. Not part of the adapters' API.
 */
package io.vigil.adapters.dynamodb.internal;
