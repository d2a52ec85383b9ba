package io.vigil.functions.notify;

/** Sends a rendered message to one target (one attempt; {@link Retrier} retries). */
@FunctionalInterface
public interface Channel {

  void send(Message message, Target target) throws DeliveryException;
}
