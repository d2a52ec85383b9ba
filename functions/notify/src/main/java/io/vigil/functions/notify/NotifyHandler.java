package io.vigil.functions.notify;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the notify function, subscribed to the Vigil event bus (source
 * {@code vigil}): validates the event, routes it to Slack webhooks and e-mail recipients per the
 * configuration, and answers {@code {eventId, deliveries: [{target, status, attempts}]}} with
 * status SENT, DUPLICATE or DEAD_LETTERED. A delivery that fails with no dead-letter queue
 * configured makes the invocation fail (after every target was tried), so Lambda retries.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.notify.NotifyHandler}.
 */
public class NotifyHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);

  @Inject NotifyFactory.NotifierHolder holder;

  /** Used by the Lambda runtime. */
  public NotifyHandler() {}

  /** Used by tests and the CLI to pass configuration. */
  public NotifyHandler(ApplicationContextBuilder builder) {
    super(builder);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> input) {
    var event = NotifyEvent.parse(input);
    if (holder.notifier().isEmpty()) {
      LOG.warn("event {} ({}): no notification target configured (set {} or {}); nothing sent",
          event.id(), event.detailType(), NotifyConfig.SLACK_WEBHOOK_SECRET, NotifyConfig.ROUTES);
      return new NotifyReport(event.id(), List.of()).toMap();
    }
    try {
      return holder.notifier().get().deliver(event).toMap();
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
}
