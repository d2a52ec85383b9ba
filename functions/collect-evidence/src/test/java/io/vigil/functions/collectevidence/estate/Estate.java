package io.vigil.functions.collectevidence.estate;

import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The seeded estate: clients for the caller's account and for the member account (reached, like
 * production, through STS AssumeRole into the member role), unique resource names, and the twins
 * the seeding classes register.
 */
public final class Estate implements AutoCloseable {

  /** The member account read through the member role. */
  public static final String MEMBER = "111111111111";
  /** Role assumed in the member account. */
  public static final String MEMBER_ROLE = "VigilCollector";
  /** ExternalId the member role is assumed with. */
  public static final String EXTERNAL_ID = "ext-it";
  /** The home region: first in the scanned list, where account-scoped services are judged. */
  public static final String EU = "eu-west-1";
  /** The second scanned region. */
  public static final String US = "us-east-1";

  private final String endpoint;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8)
      .toLowerCase(Locale.ROOT);
  private final AwsClientFactory clients;
  private final String caller;
  private final List<Twin> twins = new ArrayList<>();
  private final Buckets buckets = new Buckets(this);
  private final Map<String, String> keys = new HashMap<>();

  /** An estate on the emulator at {@code endpoint}. */
  public Estate(String endpoint) {
    this.endpoint = endpoint;
    this.clients = new AwsClientFactory(AwsSettings.emulator(endpoint, EU)
        .withMemberRole(new AwsSettings.MemberRole(MEMBER_ROLE, Optional.of(EXTERNAL_ID))));
    this.caller = clients.callerAccount();
  }

  public String endpoint() {
    return endpoint;
  }

  /** The account of the test's own credentials (moto's 123456789012). */
  public String caller() {
    return caller;
  }

  /** A name unique to this run: {@code vigil-<what>-<suffix>}. */
  public String name(String what) {
    return "vigil-" + what + "-" + suffix;
  }

  public String suffix() {
    return suffix;
  }

  /** The client of {@code type} acting in {@code account} and {@code region}. */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C
      client(String account, Class<C> type, Supplier<B> builder, String region) {
    return clients.forAccount(account).client(type, builder, Region.of(region));
  }

  /** The factory acting in {@code account}, for clients needing a custom builder. */
  public AwsClientFactory factory(String account) {
    return clients.forAccount(account);
  }

  /** Creates the estate's buckets, compliant but for what a twin leaves out. */
  Buckets buckets() {
    return buckets;
  }

  /**
   * The ARN of a rotating customer managed key in {@code account} and {@code region}, created on
   * first use, for resources that must be encrypted with a customer managed key.
   */
  public String key(String account, String region) {
    return keys.computeIfAbsent(account + "/" + region, k -> {
      var kms = client(account, KmsClient.class, KmsClient::builder, region);
      var key = kms.createKey(r -> r.description("vigil estate key")).keyMetadata();
      kms.enableKeyRotation(r -> r.keyId(key.keyId()));
      return key.arn();
    });
  }

  /** Registers a twin. */
  public void add(Twin twin) {
    twins.add(twin);
  }

  /** Registers two resources side by side in one account and region. */
  public void add(String description, String checkId, String account, String region,
      String badArn, String goodArn) {
    add(Twin.of(description, checkId, account, region, badArn, goodArn));
  }

  public List<Twin> twins() {
    return List.copyOf(twins);
  }

  @Override
  public void close() {
    clients.close();
  }
}
