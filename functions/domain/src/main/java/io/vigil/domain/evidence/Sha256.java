package io.vigil.domain.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A SHA-256 digest in lowercase hex: the address of a piece of evidence. */
public record Sha256(String hex) {

  private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    Objects.requireNonNull(hex, "hex");
    if (!FORM.matcher(hex).matches()) {
      throw new IllegalArgumentException("'" + hex + "' is not a lowercase hex SHA-256 digest");
    }
  }

  public static Sha256 of(byte[] content) {
    try {
      return new Sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  public static Sha256 of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return hex;
  }
}
