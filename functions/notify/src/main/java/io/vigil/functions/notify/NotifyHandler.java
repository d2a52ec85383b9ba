package io.vigil.functions.notify;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.Priming;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the notify function, subscribed to the Vigil event bus (source
 * {@code vigil}): validates the event, routes it to Slack webhooks and e-mail recipients per the
 * configuration, and answers {@code {eventId, deliveries: [{target, status, attempts}]}} with
 * status SENT, DUPLICATE or DEAD_LETTERED. A delivery that fails with no dead-letter queue
 * configured, or that another invocation is delivering at the same moment, makes the invocation
 * fail (after every target was tried), so Lambda retries. Each delivery is claimed until this
 * invocation's deadline (from the Lambda context; outside Lambda, for the configured stale-claim
 * limit).
 *
 * <p>SnapStart: the constructor registers a warm-up ({@link Priming}) that parses and renders a
 * sample event and reads a key of the table that never exists; it reads no secret and sends
 * nothing.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.notify.NotifyHandler}.
 */
public class NotifyHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);

  /** The warm-up's event: shaped like a Finding Opened the bus delivers, with made-up values. */
  static final String PRIMING_EVENT = """
      {"version": "0", "id": "00000000-0000-0000-0000-000000000000",
       "detail-type": "Finding Opened", "source": "vigil", "account": "000000000000",
       "time": "2000-01-01T00:00:00Z", "region": "eu-west-1",
       "resources": ["arn:aws:s3:::vigil-priming"],
       "detail": {"schemaVersion": 1, "findingId": "F-priming", "title": "Priming <sample> & co",
         "type": "MINOR_NONCONFORMITY", "severity": "high", "source": "AUTOMATED_CHECK",
         "status": "OPEN", "controls": ["A.8.3", "A.5.15"], "dueDate": "2000-01-31",
         "checkId": "s3_bucket_public_access_blocked", "accountId": "000000000000",
         "region": "eu-west-1", "resourceArn": "arn:aws:s3:::vigil-priming",
         "runId": "run-priming"}}
      """;

  @Inject NotifyFactory.NotifierHolder holder;

  private final Priming priming;

  /** Used by the Lambda runtime. */
  public NotifyHandler() {
    this.priming = Priming.register("notify", this::warmUp);
  }

  /** Used by tests and the CLI to pass configuration. */
  public NotifyHandler(ApplicationContextBuilder builder) {
    super(builder);
    this.priming = Priming.register("notify", this::warmUp);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> input) {
    var event = NotifyEvent.parse(input);
    if (holder.notifier().isEmpty()) {
      LOG.warn("event {} ({}): no notification target configured (set {} or {}); nothing sent",
          event.id(), event.detailType(), NotifyConfig.SLACK_WEBHOOK_SECRET, NotifyConfig.ROUTES);
      return new NotifyReport(event.id(), List.of()).toMap();
    }
    var notifier = holder.notifier().get();
    try {
      var deadline = deadline();
      return (deadline.isPresent() ? notifier.deliver(event, deadline.get())
          : notifier.deliver(event)).toMap();
    } catch (DeliveryFailedException e) {
      LOG.error(e.getMessage());
      throw e;
    }
  }

  /** True when at least one route is configured (else {@link #preview} is all it can do). */
  public boolean configured() {
    return holder.notifier().isPresent();
  }

  /** Validates and renders an event without sending: Slack payload and e-mail text. */
  public static Map<String, Object> preview(Map<String, Object> input) {
    return Notifier.preview(NotifyEvent.parse(input));
  }

  /** The SnapStart warm-up registered by the constructors (tests call {@code prime()}). */
  Priming priming() {
    return priming;
  }

  /**
   * The deadline of the running invocation: the Lambda context of the current request, which
   * Micronaut registers as a bean before {@link #execute}; empty outside Lambda. (The bean stays
   * after the request; only a caller that mixes invocations with and without a context would see
   * an old one, whose remaining time a real context reports as zero or less: ignored.)
   */
  private Optional<Instant> deadline() {
    return getApplicationContext().findBean(Context.class)
        .map(Context::getRemainingTimeInMillis)
        .filter(remaining -> remaining > 0)
        .map(remaining -> Instant.now().plusMillis(remaining));
  }

  /**
   * Decodes the sample event with the JSON mapper requests are decoded with, validates and
   * renders it (the preview: Slack payload and e-mail text; then per target kind), encodes the
   * answer, and, when routes are configured, reads a key of the table that never exists.
   */
  private void warmUp() {
    var json = getApplicationContext().getBean(JsonMapper.class);
    try {
      var input = json.readValue(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8),
          Argument.mapOf(String.class, Object.class));
      var event = NotifyEvent.parse(input);
      json.writeValueAsBytes(Notifier.preview(event));
      json.writeValueAsBytes(new NotifyReport(event.id(), List.of(new NotifyReport.Delivery(
          "slack:priming", NotifyReport.Status.DUPLICATE, 0, null))).toMap());
      holder.notifier().ifPresent(n -> n.prime(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
