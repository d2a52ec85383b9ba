package io.vigil.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.vigil.adapters.dynamodb.DynamoDbLedgerRepository;
import io.vigil.adapters.eventbridge.EventBridgeEventPublisher;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.performance.Period;
import io.vigil.domain.time.Clock;
import io.vigil.functions.summarizeperformance.ColdStartAccess;
import io.vigil.functions.summarizeperformance.PerformanceRecords;
import io.vigil.functions.summarizeperformance.PerformanceSummaries;
import io.vigil.functions.summarizeperformance.SummarizePerformanceSettings;
import io.vigil.functions.summarizeperformance.SummaryRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Plain-Java baseline of {@code SummarizePerformanceHandler}: the settings of
 * {@code SummarizePerformanceSettings} read from the environment by hand (same keys and
 * defaults), the wiring of {@code SummarizePerformanceFactory} (DynamoDB, S3 with a presigner,
 * EventBridge, the evidence ledger), the same summary run per event.
 */
public final class SummarizePerformanceBaseline
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(SummarizePerformanceBaseline.class);

  private final PerformanceSummaries summaries;
  private final ZoneId zone;
  private final Period.Kind reviewPeriod;

  /** INIT: settings, SDK clients, presigner and the summary use case. */
  public SummarizePerformanceBaseline() {
    var table = Env.get(SummarizePerformanceSettings.TABLE_NAME, "vigil");
    var bucket = Env.get(SummarizePerformanceSettings.EVIDENCE_BUCKET).orElseThrow(() ->
        new IllegalStateException(SummarizePerformanceSettings.EVIDENCE_BUCKET + " is required"));
    var bus = Env.get(SummarizePerformanceSettings.EVENT_BUS_NAME, "vigil");
    this.reviewPeriod = switch (Env.get(SummarizePerformanceSettings.REVIEW_PERIOD, "quarter")
        .toLowerCase(Locale.ROOT)) {
      case "month" -> Period.Kind.MONTH;
      case "quarter" -> Period.Kind.QUARTER;
      default -> throw new IllegalStateException(SummarizePerformanceSettings.REVIEW_PERIOD
          + " must be 'month' or 'quarter'");
    };
    var linkValidity = Duration.ofDays(Integer.parseInt(
        Env.get(SummarizePerformanceSettings.LINK_DAYS, "7")));
    this.zone = ZoneId.of(Env.get(SummarizePerformanceSettings.TIMEZONE, "UTC"));
    var aws = AwsSettings.fromLookup(Env::get);
    var clients = new AwsClientFactory(aws);
    var region = clients.defaultRegion();
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    boolean emulator = aws.endpointUrl().isPresent();
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(emulator),
        region);
    var presignerBuilder = S3Presigner.builder()
        .region(region)
        .credentialsProvider(s3.serviceClientConfiguration().credentialsProvider())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(emulator).build());
    aws.endpointUrl().ifPresent(presignerBuilder::endpointOverride);
    var presigner = presignerBuilder.build();
    var clock = Clock.system();
    this.summaries = new PerformanceSummaries(
        PerformanceRecords.on(enhanced, table, clock),
        ColdStartAccess.reportClaims(dynamo, table, clock),
        ColdStartAccess.reportObjects(s3, bucket),
        new S3EvidenceVault(s3, bucket),
        ColdStartAccess.reportLinks(presigner, bucket, linkValidity, clock),
        new EventBridgeEventPublisher(clients.client(EventBridgeClient.class,
            EventBridgeClient::builder, region), bus),
        Optional.of(new EvidenceLedger(new DynamoDbLedgerRepository(enhanced, table),
            new S3EvidenceVault(s3, bucket), clock)));
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    var request = SummaryRequest.fromEvent(event, zone, reviewPeriod, LocalDate.now(zone));
    // the claim lasts until this invocation's deadline, as the function takes it from its context
    var deadline = context != null && context.getRemainingTimeInMillis() > 0
        ? Instant.now().plusMillis(context.getRemainingTimeInMillis())
        : Instant.now().plus(Duration.ofMinutes(15));
    var result = summaries.run(request, deadline);
    LOG.info("{} {}: {} (duplicate: {})", request.kind(), request.period(),
        result.get("manifestSha256"), result.get("duplicate"));
    return result;
  }
}
