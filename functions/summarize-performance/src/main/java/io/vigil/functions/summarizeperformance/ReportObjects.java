package io.vigil.functions.summarizeperformance;

/** Port: where the rendered documents are stored (write-once, content-addressed keys). */
@FunctionalInterface
public interface ReportObjects {

  /** Stores {@code bytes} under {@code key} unless an object is there already. */
  void put(String key, byte[] bytes, String sha256Hex, String contentType);
}
