package io.vigil.checks.dynamodb;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Loads the DynamoDB tables of one region. Scope REGION: tables are regional.
 *
 * <p>Calls: ListTables (paginated) once; per table DescribeTable and DescribeContinuousBackups;
 * KMS DescribeKey once per distinct key that encrypts a table (to tell customer managed from AWS
 * managed keys). A failing ListTables throws; any other failing call is recorded on the table.
 */
@Singleton
public final class DynamoDbSnapshotLoader implements SnapshotLoader<DynamoDbSnapshot> {

  private final AwsClientFactory clients;

  public DynamoDbSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<DynamoDbSnapshot> snapshotType() {
    return DynamoDbSnapshot.class;
  }

  @Override
  public String service() {
    return "dynamodb";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public DynamoDbSnapshot load(ScanTarget target) {
    var region = Region.of(target.region());
    var dynamo = clients.forAccount(target.accountId()).client(DynamoDbClient.class, DynamoDbClient::builder, region);
    var keyManagers = new HashMap<String, Lookup<String>>();
    var tables = new ArrayList<DynamoDbSnapshot.Table>();
    for (var name : dynamo.listTablesPaginator(r -> { }).tableNames()) {
      var description = AwsCalls.lookup("DescribeTable", () -> {
        var t = dynamo.describeTable(r -> r.tableName(name)).table();
        var sse = t.sseDescription();
        return new DynamoDbSnapshot.Description(t.tableArn(), t.tableStatusAsString(),
            Boolean.TRUE.equals(t.deletionProtectionEnabled()),
            sse == null ? null : sse.sseTypeAsString(),
            sse == null ? null : sse.kmsMasterKeyArn());
      });
      var pitr = AwsCalls.lookup("DescribeContinuousBackups", () -> {
        var d = dynamo.describeContinuousBackups(r -> r.tableName(name))
            .continuousBackupsDescription().pointInTimeRecoveryDescription();
        return d != null
            && d.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
      });
      Lookup<String> manager = description.toOptional()
          .filter(DynamoDbSnapshot.Description::kmsEncrypted)
          .map(d -> keyManagers.computeIfAbsent(d.kmsKeyArn(), key -> AwsCalls.lookup(
              "DescribeKey", () -> clients.forAccount(target.accountId()).client(KmsClient.class, KmsClient::builder, region)
                  .describeKey(r -> r.keyId(key)).keyMetadata().keyManagerAsString())))
          .orElse(Lookup.absent());
      var arn = description.toOptional().map(DynamoDbSnapshot.Description::arn)
          .orElse("arn:" + target.partition() + ":dynamodb:" + target.region() + ":"
              + target.accountId() + ":table/" + name);
      tables.add(new DynamoDbSnapshot.Table(name, arn, description, pitr, manager));
    }
    return new DynamoDbSnapshot(tables);
  }
}
