package io.vigil.functions.notify;

/** The notify function's configuration is invalid; the message names the setting. */
public final class NotifyConfigException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public NotifyConfigException(String message) {
    super(message);
  }
}
