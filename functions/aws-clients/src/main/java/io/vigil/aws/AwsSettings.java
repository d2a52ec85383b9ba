package io.vigil.aws;

import java.net.URI;
import java.util.List;
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
    Optional<String> secretAccessKey,
    Optional<MemberRole> memberRole) {

  /**
   * How Vigil reads member accounts: it assumes {@code arn:<partition>:iam::<account>:role/<name>}
   * with the ExternalId the member account's trust policy requires.
   */
  public record MemberRole(String name, Optional<String> externalId) {
    public MemberRole {
      if (name == null || !name.matches("[\\w+=,.@/-]{1,64}")) {
        throw new IllegalArgumentException("member role name '" + name + "' is not a valid IAM"
            + " role name (letters, digits and +=,.@_- up to 64 characters)");
      }
      externalId = externalId == null ? Optional.empty() : externalId.filter(s -> !s.isBlank());
    }
  }

  public static final String ENDPOINT_URL = "vigil.aws.endpoint-url";
  public static final String REGION = "vigil.aws.region";
  public static final String ACCESS_KEY_ID = "vigil.aws.access-key-id";
  public static final String SECRET_ACCESS_KEY = "vigil.aws.secret-access-key";

  public static final String MEMBER_ROLE_NAME = "vigil.member-role-name";
  public static final String MEMBER_EXTERNAL_ID = "vigil.member-external-id";

  public AwsSettings(Optional<URI> endpointUrl, Optional<String> region,
      Optional<String> accessKeyId, Optional<String> secretAccessKey) {
    this(endpointUrl, region, accessKeyId, secretAccessKey, Optional.empty());
  }

  public AwsSettings {
    memberRole = memberRole == null ? Optional.empty() : memberRole;
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

  /** Reads the {@code vigil.aws.*} and member-role keys; blank values count as absent. */
  public static AwsSettings fromProperties(Map<String, String> properties) {
    return new AwsSettings(
        value(properties, ENDPOINT_URL).map(AwsSettings::parseEndpoint),
        value(properties, REGION),
        value(properties, ACCESS_KEY_ID),
        value(properties, SECRET_ACCESS_KEY),
        value(properties, MEMBER_ROLE_NAME).map(name -> new MemberRole(name,
            value(properties, MEMBER_EXTERNAL_ID))));
  }

  /**
   * The endpoint, region and static credentials a function reads from its configuration
   * ({@code lookup} answers a property; empty or blank means not set). No member role.
   */
  public static AwsSettings fromLookup(
      java.util.function.Function<String, Optional<String>> lookup) {
    var props = new java.util.HashMap<String, String>();
    for (var key : List.of(ENDPOINT_URL, REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY)) {
      props.put(key, lookup.apply(key).orElse(""));
    }
    return fromProperties(props);
  }

  /** These settings with a member role for reading other accounts. */
  public AwsSettings withMemberRole(MemberRole role) {
    return new AwsSettings(endpointUrl, region, accessKeyId, secretAccessKey, Optional.of(role));
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
