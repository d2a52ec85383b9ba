package io.vigil.checks.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.kms.KmsClient;

/** The DynamoDB loader against the emulator: a protected table with a CMK and a plain table. */
@WithAwsEmulator
class DynamoDbSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String GOOD = "vigil-good-" + SUFFIX;
  private static final String PLAIN = "vigil-plain-" + SUFFIX;

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static String keyArn;
  private static DynamoDbSnapshot snapshot;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var region = Region.of(emulator.region());
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    var kms = clients.client(KmsClient.class, KmsClient::builder, region);
    // GIVEN
    keyArn = kms.createKey(r -> r.description("vigil dynamodb")).keyMetadata().arn();
    dynamo.createTable(r -> table(r, GOOD).deletionProtectionEnabled(true)
        .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(keyArn)));
    dynamo.updateContinuousBackups(r -> r.tableName(GOOD)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    dynamo.createTable(r -> table(r, PLAIN));
    // WHEN
    snapshot = new DynamoDbSnapshotLoader(clients).load(target);
  }

  private static CreateTableRequest.Builder table(CreateTableRequest.Builder r, String name) {
    return r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsDescriptionBackupsAndKeyManager() {
    var byName = snapshot.tables().stream()
        .collect(Collectors.toMap(DynamoDbSnapshot.Table::name, Function.identity()));
    var good = byName.get(GOOD);
    assertEquals(Lookup.found(true), good.pointInTimeRecovery());
    assertEquals(true, good.description().value().deletionProtection());
    assertEquals(keyArn, good.description().value().kmsKeyArn());
    assertEquals(Lookup.found("CUSTOMER"), good.kmsKeyManager());
    assertEquals(target.region(), good.arn().split(":")[3]);
    var plain = byName.get(PLAIN);
    assertEquals(Lookup.found(false), plain.pointInTimeRecovery());
    assertEquals(false, plain.description().value().deletionProtection());
    assertEquals(null, plain.description().value().sseType());
    assertEquals(Lookup.absent(), plain.kmsKeyManager());
  }

  @Test
  void checks_judgeTheLoadedTables() {
    for (EvidenceCheck<DynamoDbSnapshot> check : List.of(new DynamodbTablePitrEnabledCheck(),
        new DynamodbTableDeletionProtectionEnabledCheck(),
        new DynamodbTableKmsCmkEncryptedCheck())) {
      Map<String, CheckStatus> statuses = check.evaluate(snapshot, target).stream()
          .collect(Collectors.toMap(o -> o.resourceArn().substring(
              o.resourceArn().lastIndexOf('/') + 1), Observation::status));
      assertEquals(CheckStatus.PASS, statuses.get(GOOD), check.metadata().id().value());
      assertEquals(CheckStatus.FAIL, statuses.get(PLAIN), check.metadata().id().value());
    }
  }
}
