package io.vigil.domain.access;

/** The actor may not do this (HTTP 403). */
public final class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
