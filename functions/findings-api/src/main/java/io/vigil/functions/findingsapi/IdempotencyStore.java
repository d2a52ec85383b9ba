package io.vigil.functions.findingsapi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Port: where the records API keeps its {@code Idempotency-Key}s (see {@link Idempotency}). A key
 * is claimed before the request is processed, then either completed with the response (which a
 * retry gets again) or released (the request was refused and wrote nothing). Claims are atomic: of
 * two concurrent claims of one key exactly one is {@link Claimed}.
 *
 * <p>Implementations: {@link DynamoDbIdempotencyStore} (the Vigil table); an in-memory fake in the
 * tests.
 */
public interface IdempotencyStore {

  /**
   * One key of one caller on one route.
   *
   * @param subject the caller's stable id (the JWT's {@code sub})
   * @param route the method and path, e.g. {@code POST /findings/F-1/actions}
   * @param key the client's key, as sent (without the quotes of its structured-field form)
   */
  record Scope(String subject, String route, String key) {
    public Scope {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * A response as the API answered it: status, headers (lower-case names) and the body text.
   */
  record StoredResponse(int status, Map<String, String> headers, String body) {
    public StoredResponse {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }
  }

  /** The outcome of {@link #claim}. */
  sealed interface Claim permits Claimed, Completed, InFlight, Mismatch {}

  /** The key is this request's: process it, then {@link #complete} or {@link #release}. */
  record Claimed(String token) implements Claim {}

  /** The key's request was processed before, with the same fingerprint: its response. */
  record Completed(StoredResponse response) implements Claim {}

  /** A request with the key and the same fingerprint is being processed now. */
  record InFlight() implements Claim {}

  /** The key was used for a request with another fingerprint (another body). */
  record Mismatch() implements Claim {}

  /**
   * Claims {@code scope} for a request whose body has {@code fingerprint}. A key that is absent,
   * whose record expired, or whose claim is still in progress past its lease (the attempt died)
   * with the same fingerprint is claimed; otherwise the stored state answers.
   *
   * @param now the time of the request
   * @param lease how long the claim stays exclusive without being completed or released
   * @param ttl how long the key is remembered (from {@code now})
   */
  Claim claim(Scope scope, String fingerprint, Instant now, Duration lease, Duration ttl);

  /**
   * Stores {@code response} as the answer to the key claimed with {@code token}; does nothing (and
   * says so) when the claim is no longer this token's.
   *
   * @return false when the claim was no longer held by {@code token}
   */
  boolean complete(Scope scope, String token, StoredResponse response);

  /** Forgets the claim of {@code token} (its request wrote nothing); a no-op if it is not held. */
  void release(Scope scope, String token);
}
