package io.vigil.functions.notify;

/** Port: keeps a delivery that finally failed, with the original event and the reason. */
@FunctionalInterface
public interface DeadLetters {

  /** Stores the dead letter; throws when it could not be stored. */
  void send(NotifyEvent event, Target target, String reason, int attempts);
}
