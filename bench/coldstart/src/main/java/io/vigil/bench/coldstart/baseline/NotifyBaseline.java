package io.vigil.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.functions.notify.DeliveryFailedException;
import io.vigil.functions.notify.Notifier;
import io.vigil.functions.notify.NotifyComponents;
import io.vigil.functions.notify.NotifyConfig;
import io.vigil.functions.notify.NotifyEvent;
import io.vigil.functions.notify.NotifyReport;
import io.vigil.functions.notify.Sleeper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-Java baseline of {@code NotifyHandler}: the configuration parsed from the environment by
 * the same {@link NotifyConfig#parse}, the notifier built by the same
 * {@link NotifyComponents#notifier} (Secrets Manager, DynamoDB delivery log, SQS dead letters, the
 * JDK HTTP client for Slack), the same delivery per event.
 */
public final class NotifyBaseline
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyBaseline.class);

  private final Optional<Notifier> notifier;

  /** INIT: configuration and, when a route is configured, the notifier and its clients. */
  public NotifyBaseline() {
    var config = NotifyConfig.parse(Env::get);
    var aws = AwsSettings.fromLookup(Env::get);
    this.notifier = config.configured()
        ? Optional.of(NotifyComponents.notifier(config, new AwsClientFactory(aws),
            Sleeper.system()))
        : Optional.empty();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    var event = NotifyEvent.parse(input);
    if (notifier.isEmpty()) {
      LOG.warn("event {} ({}): no notification target configured (set {} or {}); nothing sent",
          event.id(), event.detailType(), NotifyConfig.SLACK_WEBHOOK_SECRET, NotifyConfig.ROUTES);
      return new NotifyReport(event.id(), List.of()).toMap();
    }
    try {
      return notifier.get().deliver(event).toMap();
    } catch (DeliveryFailedException e) {
      LOG.error(e.getMessage());
      throw e;
    }
  }
}
