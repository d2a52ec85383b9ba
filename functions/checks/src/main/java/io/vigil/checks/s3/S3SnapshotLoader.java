package io.vigil.checks.s3;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * Loads the account-level Block Public Access and every bucket of the account. Scope ACCOUNT:
 * ListBuckets returns the buckets of all regions, so loading per region would judge every bucket
 * once per scanned region; each bucket's own region is read with GetBucketLocation instead, and
 * the client follows cross-region redirects.
 *
 * <p>Calls: S3 Control GetPublicAccessBlock and ListBuckets (paginated) once, then per bucket
 * GetBucketLocation, GetPublicAccessBlock, GetBucketEncryption, GetBucketVersioning,
 * GetBucketPolicy, GetBucketAcl, GetBucketLogging and GetObjectLockConfiguration. A failing
 * ListBuckets throws; a failing account-level or per-bucket call is recorded in the snapshot. A
 * bucket policy that is not a valid policy document is recorded as a failed lookup.
 */
@Singleton
public final class S3SnapshotLoader implements SnapshotLoader<S3Snapshot> {

  static final String NO_PUBLIC_ACCESS_BLOCK = "NoSuchPublicAccessBlockConfiguration";
  static final String NO_ENCRYPTION = "ServerSideEncryptionConfigurationNotFoundError";
  static final String NO_POLICY = "NoSuchBucketPolicy";
  static final String NO_OBJECT_LOCK = "ObjectLockConfigurationNotFoundError";

  private final AwsClientFactory clients;

  public S3SnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<S3Snapshot> snapshotType() {
    return S3Snapshot.class;
  }

  @Override
  public String service() {
    return "s3";
  }

  @Override
  public Scope scope() {
    return Scope.ACCOUNT;
  }

  @Override
  public S3Snapshot load(ScanTarget target) {
    var region = Region.of(target.region());
    var s3 = clients.forAccount(target.accountId()).client(S3Client.class, () -> S3Client.builder()
        .forcePathStyle(clients.settings().endpointUrl().isPresent())
        .crossRegionAccessEnabled(true), region);
    var control = clients.forAccount(target.accountId()).client(S3ControlClient.class, () -> S3ControlClient.builder()
        .endpointProvider(withoutAccountHostOnCustomEndpoint(
            S3ControlEndpointProvider.defaultProvider())), region);
    var accountBlock = AwsCalls.lookup("GetPublicAccessBlock (account)",
        () -> toBlock(control.getPublicAccessBlock(r -> r.accountId(target.accountId()))
            .publicAccessBlockConfiguration()),
        NO_PUBLIC_ACCESS_BLOCK)
        .absentAs(S3Snapshot.PublicAccessBlock.NONE);
    var buckets = new ArrayList<S3Snapshot.Bucket>();
    for (var b : s3.listBucketsPaginator(r -> { }).buckets()) {
      var name = b.name();
      buckets.add(new S3Snapshot.Bucket(
          name,
          "arn:" + target.partition() + ":s3:::" + name,
          AwsCalls.lookup("GetBucketLocation", () -> regionOf(
              s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString())),
          AwsCalls.lookup("GetPublicAccessBlock",
              () -> toBlock(s3.getPublicAccessBlock(r -> r.bucket(name))
                  .publicAccessBlockConfiguration()),
              NO_PUBLIC_ACCESS_BLOCK)
              .absentAs(S3Snapshot.PublicAccessBlock.NONE),
          AwsCalls.lookup("GetBucketEncryption",
              () -> s3.getBucketEncryption(r -> r.bucket(name))
                  .serverSideEncryptionConfiguration().rules().stream()
                  .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
                  .filter(d -> d != null && d.sseAlgorithmAsString() != null)
                  .map(d -> d.sseAlgorithmAsString())
                  .findFirst().orElse(null),
              NO_ENCRYPTION),
          AwsCalls.lookup("GetBucketVersioning",
              () -> s3.getBucketVersioning(r -> r.bucket(name)).statusAsString()),
          policy(AwsCalls.lookup("GetBucketPolicy",
              () -> s3.getBucketPolicy(r -> r.bucket(name)).policy(), NO_POLICY)),
          AwsCalls.<List<S3Snapshot.Grant>>lookup("GetBucketAcl",
              () -> s3.getBucketAcl(r -> r.bucket(name)).grants().stream()
                  .filter(g -> g.grantee() != null)
                  .map(g -> new S3Snapshot.Grant(g.grantee().typeAsString(),
                      firstNonNull(g.grantee().uri(), g.grantee().id(),
                          g.grantee().emailAddress()),
                      g.permissionAsString()))
                  .toList()),
          AwsCalls.lookup("GetBucketLogging", () -> {
            var enabled = s3.getBucketLogging(r -> r.bucket(name)).loggingEnabled();
            return enabled == null ? null : enabled.targetBucket();
          }),
          AwsCalls.lookup("GetObjectLockConfiguration",
              () -> toObjectLock(s3.getObjectLockConfiguration(r -> r.bucket(name))
                  .objectLockConfiguration()),
              NO_OBJECT_LOCK)));
    }
    return new S3Snapshot(accountBlock, buckets);
  }

  /** GetBucketLocation answers null or empty for us-east-1 and the legacy "EU" for eu-west-1. */
  static String regionOf(String locationConstraint) {
    if (locationConstraint == null || locationConstraint.isEmpty()) {
      return "us-east-1";
    }
    return locationConstraint.equals("EU") ? "eu-west-1" : locationConstraint;
  }

  /** A read policy text as a parsed document; a document that does not parse is a failure. */
  static Lookup<PolicyDocument> policy(Lookup<String> text) {
    if (text.isFailed() || !text.isPresent()) {
      return text.isFailed() ? Lookup.failed(text.error()) : Lookup.absent();
    }
    try {
      return Lookup.found(PolicyDocument.parse(text.value()));
    } catch (IllegalArgumentException e) {
      return Lookup.failed("bucket policy could not be parsed: " + e.getMessage());
    }
  }

  /**
   * S3 Control addresses {@code <account>.s3-control.<region>.amazonaws.com}. On a custom
   * endpoint (an emulator) that host does not exist, so the request goes to the endpoint itself;
   * the account travels in the x-amz-account-id header either way.
   */
  static S3ControlEndpointProvider withoutAccountHostOnCustomEndpoint(
      S3ControlEndpointProvider delegate) {
    return params -> {
      var resolved = delegate.resolveEndpoint(params);
      if (params.endpoint() == null) {
        return resolved;
      }
      return resolved.thenApply(e -> e.toBuilder().url(URI.create(params.endpoint())).build());
    };
  }

  private static S3Snapshot.PublicAccessBlock toBlock(PublicAccessBlockConfiguration c) {
    return S3Snapshot.PublicAccessBlock.of(
        Boolean.TRUE.equals(c.blockPublicAcls()),
        Boolean.TRUE.equals(c.ignorePublicAcls()),
        Boolean.TRUE.equals(c.blockPublicPolicy()),
        Boolean.TRUE.equals(c.restrictPublicBuckets()));
  }

  private static S3Snapshot.PublicAccessBlock toBlock(
      software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration c) {
    return S3Snapshot.PublicAccessBlock.of(
        Boolean.TRUE.equals(c.blockPublicAcls()),
        Boolean.TRUE.equals(c.ignorePublicAcls()),
        Boolean.TRUE.equals(c.blockPublicPolicy()),
        Boolean.TRUE.equals(c.restrictPublicBuckets()));
  }

  private static S3Snapshot.ObjectLock toObjectLock(ObjectLockConfiguration c) {
    if (c == null) {
      return null;
    }
    var retention = c.rule() == null ? null : c.rule().defaultRetention();
    return new S3Snapshot.ObjectLock(
        "Enabled".equals(c.objectLockEnabledAsString()),
        retention == null ? "" : retention.modeAsString(),
        retention == null || retention.days() == null ? 0 : retention.days(),
        retention == null || retention.years() == null ? 0 : retention.years());
  }

  private static String firstNonNull(String... values) {
    for (var v : values) {
      if (v != null) {
        return v;
      }
    }
    return "";
  }
}
