package io.vigil.functions.collectevidence;

/**
 * Creates Vigil's table and evidence bucket if they are absent (idempotent). In AWS the
 * infrastructure creates them; locally {@code vigil init} and {@code vigil demo} call this.
 */
public interface StorageSetup {

  /** Creates what is missing and returns a line per resource saying what was done. */
  java.util.List<String> initialize();
}
