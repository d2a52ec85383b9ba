package io.vigil.checks;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one setting of one resource: a value, nothing (the setting is not
 * configured, or was not read because it does not apply), or the error that prevented reading it.
 * Snapshot records hold lookups instead of throwing, so one unreadable resource becomes one ERROR
 * observation while the other resources are still judged.
 *
 * <pre>{@code
 * Lookup<String> versioning = Lookup.failed("GetBucketVersioning failed: AccessDenied");
 * if (versioning.isFailed()) {
 *   return versioning.toErrorObservation(arn, "bucket acme-logs");
 * }
 * }</pre>
 *
 * @param <T> the type of the value
 * @param value the value, or null when absent or failed
 * @param error why the value could not be read, or null
 */
public record Lookup<T>(T value, String error) {

  public Lookup {
    if (value != null && error != null) {
      throw new IllegalArgumentException("a lookup has a value or an error, not both");
    }
    if (error != null && error.isBlank()) {
      throw new IllegalArgumentException("a failed lookup states its error");
    }
  }

  /** A value that was read. */
  public static <T> Lookup<T> found(T value) {
    return new Lookup<>(Objects.requireNonNull(value, "value"), null);
  }

  /** No value: the setting is not configured, or it was not read because it does not apply. */
  public static <T> Lookup<T> absent() {
    return new Lookup<>(null, null);
  }

  /** The value could not be read; {@code error} says which call failed and why. */
  public static <T> Lookup<T> failed(String error) {
    return new Lookup<>(null, Objects.requireNonNull(error, "error"));
  }

  public boolean isFailed() {
    return error != null;
  }

  public boolean isPresent() {
    return value != null;
  }

  /** This lookup, or {@code found(fallback)} when it is absent; a failure stays a failure. */
  public Lookup<T> absentAs(T fallback) {
    return isFailed() || isPresent() ? this : found(fallback);
  }

  public Optional<T> toOptional() {
    return Optional.ofNullable(value);
  }

  /** The ERROR observation of {@code resourceArn} for this failed lookup. */
  public Observation toErrorObservation(String resourceArn, String subject) {
    if (error == null) {
      throw new IllegalStateException("lookup of " + subject + " did not fail");
    }
    return new Observation(
        resourceArn, CheckStatus.ERROR, subject + ": " + error, Map.of("error", error));
  }
}
