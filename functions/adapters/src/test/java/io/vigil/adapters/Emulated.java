package io.vigil.adapters;

import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for the test emulator, built the way production builds them. */
public final class Emulated implements AutoCloseable {

  private final AwsClientFactory factory;
  private final DynamoDbClient dynamo;
  private final DynamoDbEnhancedClient enhanced;
  private final S3Client s3;

  private Emulated(AwsEmulator emulator) {
    factory = new AwsClientFactory(AwsSettings.emulator(emulator.endpoint(), emulator.region()));
    var region = Region.of(emulator.region());
    dynamo = factory.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    s3 = factory.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
  }

  public static Emulated connect(AwsEmulator emulator) {
    return new Emulated(emulator);
  }

  /** A table or bucket name no other test class (nor an earlier run on LocalStack) uses. */
  public static String uniqueName(String purpose) {
    return ("vigil-it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public DynamoDbEnhancedClient enhanced() {
    return enhanced;
  }

  public S3Client s3() {
    return s3;
  }

  @Override
  public void close() {
    factory.close();
  }
}
