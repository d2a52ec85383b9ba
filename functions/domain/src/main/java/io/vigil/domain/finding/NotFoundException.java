package io.vigil.domain.finding;

/** No finding or action with that id (HTTP 404). */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
