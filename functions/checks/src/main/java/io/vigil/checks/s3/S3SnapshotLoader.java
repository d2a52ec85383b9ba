package io.vigil.checks.s3;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Loads every bucket of the account. Scope ACCOUNT: ListBuckets returns the buckets of all regions,
 * so loading per region would judge every bucket once per scanned region; each bucket's own region
 * is read with GetBucketLocation instead, and the client follows cross-region redirects.
 *
 * <p>Calls: ListBuckets (paginated) once, then per bucket GetBucketLocation,
 * GetPublicAccessBlock, GetBucketEncryption and GetBucketVersioning. A failing ListBuckets throws;
 * a failing per-bucket call is recorded on that bucket.
 */
@Singleton
public final class S3SnapshotLoader implements SnapshotLoader<S3Snapshot> {

  static final String NO_PUBLIC_ACCESS_BLOCK = "NoSuchPublicAccessBlockConfiguration";
  static final String NO_ENCRYPTION = "ServerSideEncryptionConfigurationNotFoundError";

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
    var s3 = clients.client(S3Client.class, () -> S3Client.builder()
        .forcePathStyle(clients.settings().endpointUrl().isPresent())
        .crossRegionAccessEnabled(true), Region.of(target.region()));
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
              () -> s3.getBucketVersioning(r -> r.bucket(name)).statusAsString())));
    }
    return new S3Snapshot(buckets);
  }

  /** GetBucketLocation answers null or empty for us-east-1 and the legacy "EU" for eu-west-1. */
  static String regionOf(String locationConstraint) {
    if (locationConstraint == null || locationConstraint.isEmpty()) {
      return "us-east-1";
    }
    return locationConstraint.equals("EU") ? "eu-west-1" : locationConstraint;
  }

  private static S3Snapshot.PublicAccessBlock toBlock(PublicAccessBlockConfiguration c) {
    return S3Snapshot.PublicAccessBlock.of(
        Boolean.TRUE.equals(c.blockPublicAcls()),
        Boolean.TRUE.equals(c.ignorePublicAcls()),
        Boolean.TRUE.equals(c.blockPublicPolicy()),
        Boolean.TRUE.equals(c.restrictPublicBuckets()));
  }
}
