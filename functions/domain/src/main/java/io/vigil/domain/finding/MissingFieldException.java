package io.vigil.domain.finding;

/** A transition or command lacks a field its target state requires (HTTP 400, naming it). */
public final class MissingFieldException extends IllegalArgumentException {

  private final String field;

  public MissingFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
