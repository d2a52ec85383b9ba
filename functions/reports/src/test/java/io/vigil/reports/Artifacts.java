package io.vigil.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test outputs kept for people to look at: {@code target/report-artifacts/}. */
final class Artifacts {

  static final Path DIR = Path.of("target", "report-artifacts");

  private Artifacts() {}

  static Path write(String name, byte[] content) {
    try {
      Files.createDirectories(DIR);
      return Files.write(DIR.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(String name, String content) {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }
}
