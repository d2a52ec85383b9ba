package io.vigil.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom Vigil talks to AWS. Every value is optional:
 *
 * <ul>
 *   <li>{@code endpointUrl}: an AWS-compatible endpoint (LocalStack, moto); when empty the SDK's own
 *       resolution applies, which honours {@code AWS_ENDPOINT_URL}.
 *   <li>{@code region}: when empty, the SDK's default region chain ({@code AWS_REGION}, profile).
 *   <li>{@code accessKeyId}/{@code secretAccessKey}: static credentials (emulators); when empty, the
 *       default credential chain (Lambda role, environment, profile, SSO).
 * </ul>
 */
public record AwsSettings(
    Optional<URI> endpointUrl,
    Optional<String> region,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey) {

  public static final String ENDPOINT_URL = "vigil.aws.endpoint-url";
  public static final String REGION = "vigil.aws.region";
  public static final String ACCESS_KEY_ID = "vigil.aws.access-key-id";
  public static final String SECRET_ACCESS_KEY = "vigil.aws.secret-access-key";

  public AwsSettings {
    if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
      throw new IllegalArgumentException(
          "set both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ", or neither");
    }
  }

  /** The SDK defaults everywhere: real AWS through the default chains. */
  public static AwsSettings defaults() {
    return new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** An emulator at {@code endpoint} with dummy static credentials. */
  public static AwsSettings emulator(String endpoint, String region) {
    return new AwsSettings(
        Optional.of(parseEndpoint(endpoint)), Optional.of(region), Optional.of("test"), Optional.of("test"));
  }

  /** Reads the {@code vigil.aws.*} keys from a property map; blank values count as absent. */
  public static AwsSettings fromProperties(Map<String, String> properties) {
    return new AwsSettings(
        value(properties, ENDPOINT_URL).map(AwsSettings::parseEndpoint),
        value(properties, REGION),
        value(properties, ACCESS_KEY_ID),
        value(properties, SECRET_ACCESS_KEY));
  }

  public static URI parseEndpoint(String text) {
    try {
      var uri = URI.create(text.trim());
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("no http(s) scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "endpoint URL '" + text + "' is not valid: write it as http://HOST:PORT, e.g. http://localhost:4566", e);
    }
  }

  private static Optional<String> value(Map<String, String> p, String key) {
    return Optional.ofNullable(p.get(key)).map(String::trim).filter(s -> !s.isEmpty());
  }
}
