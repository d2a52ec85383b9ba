/**
 * Plain-Java baselines of the Lambda handlers: no Micronaut context, no dependency injection; the
 * same settings (read from the environment by hand), the same SDK clients (Vigil's
 * {@code AwsClientFactory}: URLConnection HTTP client, region, credentials and endpoint from the
 * environment), the same adapters and use cases, the same AWS calls and the same JSON in and out
 * as the function they stand beside. The harness checks the AWS calls are the same, per operation.
 */
package io.vigil.bench.coldstart.baseline;
