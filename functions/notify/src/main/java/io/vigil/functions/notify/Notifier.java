package io.vigil.functions.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notify use case, free of Micronaut: routes an event to its targets, and delivers each once
 * (claim in the {@link DeliveryLog}, send with {@link Retrier}, mark SENT), dead-lettering what
 * finally fails. Without a dead-letter queue it throws after trying every target.
 */
public final class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final Router router;
  private final Channel slack;
  private final Channel email;
  private final DeliveryLog log;
  private final Optional<DeadLetters> deadLetters;
  private final Retrier retrier;

  public Notifier(Router router, Channel slack, Channel email, DeliveryLog log,
      Optional<DeadLetters> deadLetters, Retrier retrier) {
    this.router = router;
    this.slack = slack;
    this.email = email;
    this.log = log;
    this.deadLetters = deadLetters;
    this.retrier = retrier;
  }

  /** Delivers an event to every target its routes name. */
  public NotifyReport deliver(NotifyEvent event) {
    var targets = router.targets(event);
    if (targets.isEmpty()) {
      LOG.info("event {} ({}): no route matches; nothing to deliver", event.id(),
          event.detailType());
    }
    var deliveries = new ArrayList<NotifyReport.Delivery>();
    var failures = new ArrayList<String>();
    for (var target : targets) {
      var id = Redaction.redact(target.id());
      if (log.claim(event.id(), target.id()) == DeliveryLog.Claim.DUPLICATE) {
        LOG.info("event {} -> {}: already delivered (or in progress); skipped", event.id(), id);
        deliveries.add(new NotifyReport.Delivery(target.id(), NotifyReport.Status.DUPLICATE, 0,
            null));
        continue;
      }
      var message = MessageRenderer.render(event, target.digest());
      var channel = target.slackSecret().isPresent() ? slack : email;
      var outcome = retrier.run(() -> {
        try {
          channel.send(message, target);
        } catch (RuntimeException e) {
          throw DeliveryException.permanent("unexpected error: " + Redaction.describe(e));
        }
      });
      if (outcome.delivered()) {
        log.markSent(event.id(), target.id(), outcome.attempts());
        LOG.info("event {} ({}) -> {}: sent after {} attempt(s)", event.id(),
            event.detailType(), id, outcome.attempts());
        deliveries.add(new NotifyReport.Delivery(target.id(), NotifyReport.Status.SENT,
            outcome.attempts(), null));
        continue;
      }
      var reason = Redaction.redact(outcome.reason());
      LOG.warn("event {} ({}) -> {}: delivery failed: {}", event.id(), event.detailType(), id,
          reason);
      if (deadLetter(event, target, reason, outcome.attempts())) {
        log.markDeadLettered(event.id(), target.id(), outcome.attempts());
        deliveries.add(new NotifyReport.Delivery(target.id(), NotifyReport.Status.DEAD_LETTERED,
            outcome.attempts(), reason));
      } else {
        log.release(event.id(), target.id());
        failures.add(id + ": " + reason);
      }
    }
    if (!failures.isEmpty()) {
      throw new DeliveryFailedException("event " + event.id() + ": " + failures.size()
          + " delivery(ies) failed and no dead-letter queue took them: "
          + String.join("; ", failures));
    }
    return new NotifyReport(event.id(), deliveries);
  }

  private boolean deadLetter(NotifyEvent event, Target target, String reason, int attempts) {
    if (deadLetters.isEmpty()) {
      return false;
    }
    try {
      deadLetters.get().send(event, target, reason, attempts);
      LOG.warn("event {} -> {}: sent to the dead-letter queue", event.id(),
          Redaction.redact(target.id()));
      return true;
    } catch (RuntimeException e) {
      LOG.error("event {} -> {}: could not dead-letter: {}", event.id(),
          Redaction.redact(target.id()), Redaction.describe(e));
      return false;
    }
  }

  /**
   * Renders an event without sending (local use when nothing is configured): the Slack payload
   * and the e-mail's subject and plain text. Run Completed is rendered as a digest.
   */
  public static Map<String, Object> preview(NotifyEvent event) {
    var message = MessageRenderer.render(event, true);
    var email = new LinkedHashMap<String, Object>();
    email.put("subject", EmailFormat.subject(message));
    email.put("text", EmailFormat.text(message));
    var out = new LinkedHashMap<String, Object>();
    out.put("eventId", event.id());
    out.put("slack", SlackFormat.payload(message));
    out.put("email", email);
    return out;
  }
}
