package io.vigil.domain.audit;

/** The audit is not in a state that allows this step (HTTP 409); the message says what would. */
public final class AuditStateException extends RuntimeException {

  private final AuditStatus status;

  public AuditStateException(AuditStatus status, String message) {
    super(message);
    this.status = status;
  }

  /** The audit's current status. */
  public AuditStatus status() {
    return status;
  }
}
