package io.vigil.checks.cloudwatch;

import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Loads the CloudWatch Logs log groups of one region. Scope REGION: log groups are regional.
 *
 * <p>Calls: DescribeLogGroups (paginated) once; it returns retention and KMS key with each group,
 * so no per-group call is needed. A failing DescribeLogGroups throws.
 */
@Singleton
public final class CloudWatchSnapshotLoader implements SnapshotLoader<CloudWatchSnapshot> {

  private final AwsClientFactory clients;

  public CloudWatchSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<CloudWatchSnapshot> snapshotType() {
    return CloudWatchSnapshot.class;
  }

  @Override
  public String service() {
    return "logs";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public CloudWatchSnapshot load(ScanTarget target) {
    var logs = clients.forAccount(target.accountId()).client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder,
        Region.of(target.region()));
    var groups = new ArrayList<CloudWatchSnapshot.LogGroup>();
    for (var g : logs.describeLogGroupsPaginator(r -> { }).logGroups()) {
      groups.add(new CloudWatchSnapshot.LogGroup(g.logGroupName(), arn(g.logGroupArn(), g.arn()),
          g.retentionInDays(), g.kmsKeyId()));
    }
    return new CloudWatchSnapshot(groups);
  }

  /** The log group ARN without the {@code :*} suffix DescribeLogGroups' {@code arn} carries. */
  static String arn(String logGroupArn, String arn) {
    if (logGroupArn != null && !logGroupArn.isBlank()) {
      return logGroupArn;
    }
    return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }
}
