package io.vigil.functions.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>Delivery is at least once, never silently dropped: the claim is taken before sending and
 * lasts until the invocation's deadline; a failed send releases it; a target whose claim another
 * invocation holds makes this invocation fail (after the other targets) so that Lambda retries
 * the event — by then the holder has marked it SENT (the retry reports DUPLICATE), or the holder
 * crashed and its lease has passed (the retry sends). The price is a possible second message when
 * an invocation dies after the send and before marking it SENT.
 */
public final class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final Router router;
  private final Channel slack;
  private final Channel email;
  private final DeliveryLog log;
  private final Optional<DeadLetters> deadLetters;
  private final Retrier retrier;
  private final Clock clock;
  private final Duration defaultLease;

  /**
   * @param clock the time {@link #deliver(NotifyEvent)} starts its default lease from
   * @param defaultLease how long a claim lasts when the caller gives no invocation deadline
   */
  public Notifier(Router router, Channel slack, Channel email, DeliveryLog log,
      Optional<DeadLetters> deadLetters, Retrier retrier, Clock clock, Duration defaultLease) {
    this.router = router;
    this.slack = slack;
    this.email = email;
    this.log = log;
    this.deadLetters = deadLetters;
    this.retrier = retrier;
    this.clock = clock;
    this.defaultLease = defaultLease;
  }

  /**
   * Delivers an event to every target its routes name, claiming each delivery for
   * {@code defaultLease} (the configured stale-claim limit): for callers without an invocation
   * deadline (the CLI, tests).
   */
  public NotifyReport deliver(NotifyEvent event) {
    return deliver(event, clock.instant().plus(defaultLease));
  }

  /**
   * Delivers an event to every target its routes name; each claim lasts until {@code leaseUntil},
   * the deadline of this invocation (after it, the invocation cannot be sending any more).
   */
  public NotifyReport deliver(NotifyEvent event, Instant leaseUntil) {
    var targets = router.targets(event);
    if (targets.isEmpty()) {
      LOG.info("event {} ({}): no route matches; nothing to deliver", event.id(),
          event.detailType());
    }
    var deliveries = new ArrayList<NotifyReport.Delivery>();
    var failures = new ArrayList<String>();
    for (var target : targets) {
      var id = Redaction.redact(target.id());
      var claim = log.claim(event.id(), target.id(), leaseUntil);
      if (claim == DeliveryLog.Claim.DUPLICATE) {
        LOG.info("event {} -> {}: already delivered; skipped", event.id(), id);
        deliveries.add(new NotifyReport.Delivery(target.id(), NotifyReport.Status.DUPLICATE, 0,
            null));
        continue;
      }
      if (claim == DeliveryLog.Claim.IN_PROGRESS) {
        LOG.warn("event {} -> {}: another invocation holds the delivery's claim; this invocation"
            + " will fail so that the event is retried", event.id(), id);
        failures.add(id + ": being delivered by another invocation (retry after its claim"
            + " expires)");
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
          + " delivery(ies) not done (failed with no dead-letter queue taking them, or in"
          + " progress elsewhere): " + String.join("; ", failures));
    }
    return new NotifyReport(event.id(), deliveries);
  }

  /**
   * SnapStart priming: renders {@code sample} as a delivery would, per target kind and as a
   * digest (the Slack JSON body; the e-mail's subject, text and HTML), and reads a key of the
   * delivery log that never exists. Sends nothing, reads no secret, writes nothing, and draws no
   * random number: the MIME envelope, whose boundary is a random UUID, is left to the first
   * real e-mail.
   */
  public void prime(NotifyEvent sample) {
    for (var digest : new boolean[] {false, true}) {
      var message = MessageRenderer.render(sample, digest);
      SlackFormat.json(message);
      EmailFormat.subject(message);
      EmailFormat.text(message);
      EmailFormat.htmlBody(message);
    }
    log.prime();
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
