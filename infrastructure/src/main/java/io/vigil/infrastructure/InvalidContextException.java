package io.vigil.infrastructure;

/** A CDK context value that Vigil cannot use; the message names the key and what was expected. */
public final class InvalidContextException extends IllegalArgumentException {

  private final String key;

  public InvalidContextException(String key, String problem) {
    super("context key '" + key + "': " + problem);
    this.key = key;
  }

  /** The context key at fault. */
  public String key() {
    return key;
  }
}
