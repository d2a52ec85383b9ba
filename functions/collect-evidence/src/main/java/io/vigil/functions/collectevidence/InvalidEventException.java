package io.vigil.functions.collectevidence;

/** The incoming event does not have the shape the function accepts; nothing was written. */
public final class InvalidEventException extends IllegalArgumentException {
  public InvalidEventException(String message) {
    super(message);
  }
}
