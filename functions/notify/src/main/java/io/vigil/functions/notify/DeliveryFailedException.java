package io.vigil.functions.notify;

/**
 * At least one delivery failed and could not be dead-lettered (no queue configured, or the queue
 * refused it): thrown after every target was tried, so Lambda's own retry and DLQ apply. Already
 * delivered targets are recorded and are not sent again on the retry. The message is redacted.
 */
public final class DeliveryFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeliveryFailedException(String message) {
    super(Redaction.redact(message));
  }
}
