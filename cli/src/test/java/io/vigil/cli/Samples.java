package io.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample files in the repository's {@code events/} folder. */
final class Samples {

  private Samples() {}

  /** A sample audit programme configuration from {@code events/schedule-audits/}. */
  static Path programme(String name) {
    var p = Path.of("events/schedule-audits", name);
    return Files.exists(p) ? p : Path.of("..").resolve(p);
  }
}
