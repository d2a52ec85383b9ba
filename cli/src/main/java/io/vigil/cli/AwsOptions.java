package io.vigil.cli;

import io.vigil.aws.AwsSettings;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command talks to AWS and which table and bucket it uses: the options shared by
 * {@code init}, {@code collect}, {@code invoke}, {@code verify} and {@code demo}, each falling back to an
 * environment variable and then to a default (see {@link #resolve}).
 */
final class AwsOptions {

  static final String DEFAULT_EMULATOR_REGION = "eu-west-1";
  static final String DEFAULT_TABLE = "vigil";
  static final String DEFAULT_LOCAL_BUCKET = "vigil-evidence-local";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "AWS-compatible endpoint such as moto or LocalStack, e.g. "
          + "http://localhost:4566. Default: $AWS_ENDPOINT_URL; when neither is set, real AWS "
          + "through the default credential chain.")
  String endpointUrl;

  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS region. Default: $AWS_REGION, $AWS_DEFAULT_REGION, then "
          + DEFAULT_EMULATOR_REGION + " for an endpoint or the SDK's region chain for real AWS.")
  String region;

  @Option(names = "--table", paramLabel = "NAME",
      description = "DynamoDB table. Default: $VIGIL_TABLE_NAME, else '" + DEFAULT_TABLE + "'.")
  String table;

  @Option(names = "--bucket", paramLabel = "NAME",
      description = "S3 evidence bucket. Default: $VIGIL_EVIDENCE_BUCKET, else '"
          + DEFAULT_LOCAL_BUCKET + "' for an endpoint; required for real AWS.")
  String bucket;

  /** The endpoint named by {@code --endpoint-url} or {@code AWS_ENDPOINT_URL}, if any. */
  Optional<String> configuredEndpoint(UnaryOperator<String> env) {
    return first(endpointUrl, env.apply("AWS_ENDPOINT_URL"));
  }

  /** The target named by the options and the environment; no endpoint means real AWS. */
  AwsTarget resolve(UnaryOperator<String> env) {
    return resolve(env, null);
  }

  /**
   * The target named by the options and the environment, using {@code fallbackEndpoint} (e.g. a
   * moto the command started) when neither names an endpoint.
   */
  AwsTarget resolve(UnaryOperator<String> env, String fallbackEndpoint) {
    return resolve(env, fallbackEndpoint, true);
  }

  /**
   * The target, for a command that may not need the evidence bucket ({@code bucketRequired}
   * false: the findings API); an unneeded, unnamed bucket is left empty.
   */
  AwsTarget resolve(UnaryOperator<String> env, String fallbackEndpoint, boolean bucketRequired) {
    var endpoint = configuredEndpoint(env).or(() -> first(fallbackEndpoint));
    if (endpoint.isPresent()) {
      try {
        AwsSettings.parseEndpoint(endpoint.get());
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    boolean emulated = endpoint.isPresent();
    var resolvedRegion = first(region, env.apply("AWS_REGION"), env.apply("AWS_DEFAULT_REGION"),
        emulated ? DEFAULT_EMULATOR_REGION : null);
    var resolvedTable = first(table, env.apply("VIGIL_TABLE_NAME")).orElse(DEFAULT_TABLE);
    var resolvedBucket = first(bucket, env.apply("VIGIL_EVIDENCE_BUCKET"),
        emulated ? DEFAULT_LOCAL_BUCKET : null);
    if (resolvedBucket.isEmpty() && !bucketRequired) {
      resolvedBucket = Optional.of("");
    }
    if (resolvedBucket.isEmpty()) {
      throw usage("no evidence bucket for real AWS: pass --bucket NAME or set"
          + " VIGIL_EVIDENCE_BUCKET (or give --endpoint-url to use an emulator)");
    }
    boolean dummyCredentials = emulated && first(env.apply("AWS_ACCESS_KEY_ID")).isEmpty();
    return new AwsTarget(endpoint, resolvedRegion, resolvedTable, resolvedBucket.get(),
        dummyCredentials);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static Optional<String> first(String... values) {
    for (var v : values) {
      if (v != null && !v.isBlank()) {
        return Optional.of(v.trim());
      }
    }
    return Optional.empty();
  }
}
