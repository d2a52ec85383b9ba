package io.vigil.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds and caches AWS SDK v2 clients. All clients share one HTTP client (the light
 * URLConnection one: small jar, fast cold start), use the adaptive retry strategy (throttling is
 * retried with exponential backoff and jitter, and the client slows itself down under sustained
 * throttling), and honour {@link AwsSettings}. Clients are created lazily, on first use, and once
 * per (service, region).
 *
 * <p>{@link #forAccount} gives the factory for a member account: same settings and HTTP client,
 * credentials from STS AssumeRole into the configured member role (refreshed before they expire).
 */
public final class AwsClientFactory implements AutoCloseable {

  private static final int MAX_ATTEMPTS = 8;
  private static final Duration MEMBER_SESSION = Duration.ofHours(1);

  private final AwsSettings settings;
  private final AwsClientFactory base;
  private final String account;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private final Map<String, AwsClientFactory> members = new ConcurrentHashMap<>();
  private volatile SdkHttpClient httpClient;
  private volatile AwsCredentialsProvider credentials;
  private volatile String callerAccount;

  public AwsClientFactory(AwsSettings settings) {
    this(settings, null, null);
  }

  private AwsClientFactory(AwsSettings settings, AwsClientFactory base, String account) {
    this.settings = settings;
    this.base = base;
    this.account = account;
  }

  /** The account whose credentials this factory uses (asked of STS once). */
  public String callerAccount() {
    if (base != null) {
      return account;
    }
    var a = callerAccount;
    if (a == null) {
      var sts = client(StsClient.class, StsClient::builder, defaultRegion());
      a = sts.getCallerIdentity().account();
      callerAccount = a;
    }
    return a;
  }

  /**
   * The factory whose clients read {@code accountId}: this one for the caller's own account,
   * otherwise one that assumes the configured member role in that account.
   *
   * @throws IllegalStateException if another account is asked for and no member role is set
   */
  public AwsClientFactory forAccount(String accountId) {
    if (base != null) {
      return base.forAccount(accountId);
    }
    if (accountId.equals(callerAccount())) {
      return this;
    }
    var role = settings.memberRole().orElseThrow(() -> new IllegalStateException("account "
        + accountId + " is not the caller's account " + callerAccount() + " and no member role is"
        + " configured: set " + AwsSettings.MEMBER_ROLE_NAME + " (CLI: --role-name)"));
    return members.computeIfAbsent(accountId, a -> {
      var member = new AwsClientFactory(settings, this, a);
      member.credentials = assumeRole(a, role);
      return member;
    });
  }

  private AwsCredentialsProvider assumeRole(String accountId, AwsSettings.MemberRole role) {
    var sts = client(StsClient.class, StsClient::builder, defaultRegion());
    var partition = defaultRegion().metadata() == null ? "aws"
        : defaultRegion().metadata().partition().id();
    var roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + role.name();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .asyncCredentialUpdateEnabled(false)
        .refreshRequest(r -> {
          r.roleArn(roleArn).roleSessionName("vigil-collector")
              .durationSeconds((int) MEMBER_SESSION.toSeconds());
          role.externalId().ifPresent(r::externalId);
        })
        .build();
  }

  public AwsSettings settings() {
    return settings;
  }

  /** The region to use when the caller names none: configured, else the SDK's default chain. */
  public Region defaultRegion() {
    return settings.region().map(Region::of)
        .orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion());
  }

  /**
   * The client of type {@code type} for {@code region}, built from {@code builder} on first use.
   *
   * <pre>{@code S3Client s3 = factory.client(S3Client.class, S3Client::builder, region);}</pre>
   */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
      Class<C> type, Supplier<B> builder, Region region) {
    var key = type.getName() + "@" + region.id();
    return type.cast(clients.computeIfAbsent(key, k -> configure(builder.get(), region).build()));
  }

  /** Applies region, endpoint, credentials, HTTP client and retries to a fresh builder. */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> B configure(
      B builder, Region region) {
    builder.region(region)
        .credentialsProvider(credentials())
        .httpClient(httpClient())
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS).build())
            .apiCallTimeout(Duration.ofMinutes(2))
            .apiCallAttemptTimeout(Duration.ofSeconds(30))
            .build());
    settings.endpointUrl().ifPresent(builder::endpointOverride);
    return builder;
  }

  private SdkHttpClient httpClient() {
    if (base != null) {
      return base.httpClient();
    }
    var c = httpClient;
    if (c == null) {
      synchronized (this) {
        if (httpClient == null) {
          httpClient = UrlConnectionHttpClient.builder()
              .connectionTimeout(Duration.ofSeconds(5))
              .socketTimeout(Duration.ofSeconds(30))
              .build();
        }
        c = httpClient;
      }
    }
    return c;
  }

  private AwsCredentialsProvider credentials() {
    var c = credentials;
    if (c == null) {
      synchronized (this) {
        if (credentials == null) {
          credentials = settings.accessKeyId().isPresent()
              ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                  settings.accessKeyId().get(), settings.secretAccessKey().orElseThrow()))
              : RestoredCredentials.of(() -> DefaultCredentialsProvider.builder().build());
        }
        c = credentials;
      }
    }
    return c;
  }

  @Override
  public void close() {
    members.values().forEach(AwsClientFactory::close);
    members.clear();
    clients.values().forEach(SdkClient::close);
    clients.clear();
    if (base == null && httpClient != null) {
      httpClient.close();
    }
  }
}
