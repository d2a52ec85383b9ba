package io.vigil.functions.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Dead letters on an SQS queue: one JSON message {@code {eventId, detailType, target, route,
 * reason, attempts, failedAt, event}} per failed delivery, {@code event} being the original
 * EventBridge event. The whole body is passed through {@link Redaction}.
 */
public final class SqsDeadLetters implements DeadLetters {

  private final SqsClient sqs;
  private final String queueUrl;
  private final Clock clock;

  public SqsDeadLetters(SqsClient sqs, String queueUrl, Clock clock) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.clock = clock;
  }

  @Override
  public void send(NotifyEvent event, Target target, String reason, int attempts) {
    var body = new LinkedHashMap<String, Object>();
    body.put("eventId", event.id());
    body.put("detailType", event.detailType());
    body.put("target", target.id());
    body.put("route", target.route());
    body.put("reason", reason);
    body.put("attempts", attempts);
    body.put("failedAt", clock.instant().toString());
    body.put("event", event.raw());
    var text = Redaction.redact(Json.write(body));
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(text)
        .messageAttributes(java.util.Map.of("target", MessageAttributeValue.builder()
            .dataType("String").stringValue(target.id()).build())));
  }
}
