package io.vigil.functions.notify;

/** Reads a secret's value by name; implementations register values with {@link Redaction}. */
@FunctionalInterface
public interface SecretSource {

  /** The secret's value; a {@link DeliveryException} when it cannot be read. */
  String value(String name) throws DeliveryException;
}
