package io.vigil.functions.summarizeperformance;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.adapters.eventbridge.EventBridgeEventPublisher;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.time.Clock;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Composition root of summarize-performance: the records in DynamoDB, documents and manifest in
 * the evidence bucket, links presigned with the function's credentials, events on the Vigil bus.
 * Its own {@link AwsClientFactory}, and everything exposed as one
 * {@link SummarizePerformanceComponents} bean, not as beans of shared types (S3Client,
 * DomainEventPublisher, ...): the CLI runs every function on one classpath, where such beans of
 * several functions would compete.
 */
@Factory
public class SummarizePerformanceFactory {

  @Singleton
  @Bean(preDestroy = "close")
  SummarizePerformanceComponents components(SummarizePerformanceSettings settings) {
    var clients = new AwsClientFactory(settings.aws());
    S3Presigner presigner = null;
    try {
      var region = clients.defaultRegion();
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
      var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
      boolean emulator = settings.aws().endpointUrl().isPresent();
      var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(emulator),
          region);
      var presignerBuilder = S3Presigner.builder()
          .region(region)
          .credentialsProvider(s3.serviceClientConfiguration().credentialsProvider())
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(emulator)
              .build());
      settings.aws().endpointUrl().ifPresent(presignerBuilder::endpointOverride);
      presigner = presignerBuilder.build();
      var clock = Clock.system();
      var summaries = new PerformanceSummaries(
          PerformanceRecords.on(enhanced, settings.tableName(), clock),
          new DynamoDbReportClaims(dynamo, settings.tableName(), clock),
          new S3ReportObjects(s3, settings.evidenceBucket()),
          new S3EvidenceVault(s3, settings.evidenceBucket()),
          new S3ReportLinks(presigner, settings.evidenceBucket(), settings.linkValidity(), clock),
          new EventBridgeEventPublisher(clients.client(EventBridgeClient.class,
              EventBridgeClient::builder, region), settings.eventBusName()),
          java.util.Optional.of(new io.vigil.domain.evidence.EvidenceLedger(
              new io.vigil.adapters.dynamodb.DynamoDbLedgerRepository(enhanced,
                  settings.tableName()),
              new S3EvidenceVault(s3, settings.evidenceBucket()), clock)));
      var openPresigner = presigner;
      return new SummarizePerformanceComponents(summaries, settings.zone(),
          settings.reviewPeriod(), () -> {
            try {
              openPresigner.close();
            } finally {
              clients.close();
            }
          });
    } catch (RuntimeException e) {
      if (presigner != null) {
        presigner.close();
      }
      clients.close();
      throw e;
    }
  }
}
