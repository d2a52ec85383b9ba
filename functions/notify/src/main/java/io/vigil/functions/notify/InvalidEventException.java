package io.vigil.functions.notify;

/** The event is not a Vigil bus event the notify function can deliver; names the bad field. */
public final class InvalidEventException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }
}
