package io.vigil.domain.time;

import java.util.UUID;

/** Port for new unique ids (finding ids, action ids, ...), so that tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {

  String newId();

  static IdGenerator random() {
    return () -> UUID.randomUUID().toString();
  }
}
