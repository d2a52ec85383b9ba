package io.vigil.functions.summarizeperformance;

import io.micronaut.context.env.Environment;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.performance.Period;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The function's configuration, from Micronaut properties or the matching environment variables
 * ({@code VIGIL_REPORTS_LINK_DAYS} is {@code vigil.reports.link-days}).
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><td>vigil.table-name</td><td>DynamoDB table (default {@code vigil})</td></tr>
 *   <tr><td>vigil.evidence-bucket</td><td>S3 evidence bucket: the documents under
 *       {@code reports/}, the manifest in the vault (required)</td></tr>
 *   <tr><td>vigil.event-bus-name</td><td>bus of {@code Summary Ready} (default
 *       {@code vigil})</td></tr>
 *   <tr><td>vigil.reports.review-period</td><td>{@code month} or {@code quarter}: the default
 *       period of a management review (default {@code quarter})</td></tr>
 *   <tr><td>vigil.reports.link-days</td><td>validity of the presigned link, 1 to 7 days
 *       (default 7)</td></tr>
 *   <tr><td>vigil.reports.timezone</td><td>zone that decides which period just ended (default
 *       UTC)</td></tr>
 *   <tr><td>vigil.aws.*</td><td>endpoint-url, region, access-key-id, secret-access-key</td></tr>
 * </table>
 */
@Singleton
public final class SummarizePerformanceSettings {

  public static final String TABLE_NAME = "vigil.table-name";
  public static final String EVIDENCE_BUCKET = "vigil.evidence-bucket";
  public static final String EVENT_BUS_NAME = "vigil.event-bus-name";
  public static final String REVIEW_PERIOD = "vigil.reports.review-period";
  public static final String LINK_DAYS = "vigil.reports.link-days";
  public static final String TIMEZONE = "vigil.reports.timezone";

  private final String tableName;
  private final String evidenceBucket;
  private final String eventBusName;
  private final Period.Kind reviewPeriod;
  private final Duration linkValidity;
  private final ZoneId zone;
  private final AwsSettings aws;

  public SummarizePerformanceSettings(Environment env) {
    this.tableName = get(env, TABLE_NAME).orElse("vigil");
    this.evidenceBucket = get(env, EVIDENCE_BUCKET).orElseThrow(() -> new IllegalStateException(
        EVIDENCE_BUCKET + " (VIGIL_EVIDENCE_BUCKET) is required: the reports are stored there"));
    this.eventBusName = get(env, EVENT_BUS_NAME).orElse("vigil");
    var review = get(env, REVIEW_PERIOD).orElse("quarter").toLowerCase(Locale.ROOT);
    this.reviewPeriod = switch (review) {
      case "month" -> Period.Kind.MONTH;
      case "quarter" -> Period.Kind.QUARTER;
      default -> throw new IllegalStateException(REVIEW_PERIOD + " must be 'month' or"
          + " 'quarter', got '" + review + "'");
    };
    var days = get(env, LINK_DAYS).orElse("7");
    int d;
    try {
      d = Integer.parseInt(days);
    } catch (NumberFormatException e) {
      d = 0;
    }
    if (d < 1 || d > 7) {
      throw new IllegalStateException(LINK_DAYS + " must be a whole number of days from 1 to 7"
          + " (the longest a presigned URL can be valid), got '" + days + "'");
    }
    this.linkValidity = Duration.ofDays(d);
    try {
      this.zone = ZoneId.of(get(env, TIMEZONE).orElse("UTC"));
    } catch (DateTimeException e) {
      throw new IllegalStateException(TIMEZONE + ": " + e.getMessage(), e);
    }
    this.aws = AwsSettings.fromLookup(key -> get(env, key));
  }

  private static Optional<String> get(Environment env, String key) {
    return env.getProperty(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  public String tableName() {
    return tableName;
  }

  public String evidenceBucket() {
    return evidenceBucket;
  }

  public String eventBusName() {
    return eventBusName;
  }

  /** The default period of a management review: MONTH or QUARTER. */
  public Period.Kind reviewPeriod() {
    return reviewPeriod;
  }

  public Duration linkValidity() {
    return linkValidity;
  }

  public ZoneId zone() {
    return zone;
  }

  public AwsSettings aws() {
    return aws;
  }
}
