package io.vigil.domain.register;

import java.time.Instant;
import java.util.Objects;

/**
 * One approved, immutable version of the Statement of Applicability: its number, who approved it
 * and when, the SHA-256 of its canonical JSON (the address of the copy in the evidence vault) and
 * that JSON itself.
 */
public record SoaVersion(int number, Instant approvedAt, String approvedBy, String sha256,
    String json) {

  public SoaVersion {
    if (number < 1) {
      throw new IllegalArgumentException("SoA versions start at 1");
    }
    Objects.requireNonNull(approvedAt, "approvedAt");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(json, "json");
  }
}
