package io.vigil.functions.findingsapi;

import io.vigil.domain.access.Actor;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.time.Clock;
import io.vigil.functions.findingsapi.IdempotencyStore.Claimed;
import io.vigil.functions.findingsapi.IdempotencyStore.Completed;
import io.vigil.functions.findingsapi.IdempotencyStore.InFlight;
import io.vigil.functions.findingsapi.IdempotencyStore.Scope;
import io.vigil.functions.findingsapi.IdempotencyStore.StoredResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} request header on the records API's {@code POST} routes
 * (draft-ietf-httpapi-idempotency-key-header): a client that may retry a {@code POST} sends a
 * fresh unique key with it, and every retry of that request carries the same key.
 *
 * <ul>
 *   <li>The first request with a key claims it (scoped to the caller's {@code sub} and the
 *       request's method and path) and, when it succeeds (2xx), stores its response — status,
 *       headers ({@code Location}, {@code ETag}) and body — for {@link #TTL}.
 *   <li>A retry with the same key and the same body gets that stored response again (header
 *       {@code Idempotent-Replayed: true}) and writes nothing: the same finding, action, record or
 *       SoA version, never a second one.
 *   <li>The same key with another body is refused with 422 ({@code idempotency-key-reused}).
 *   <li>A retry while the first request is still being processed is refused with 409
 *       ({@code request-in-progress}, {@code Retry-After}); it may be sent again later.
 *   <li>A refused request (4xx: it wrote nothing) releases its key, so the same key may be sent
 *       again, e.g. with a corrected body. An unexpected failure (500: something may have been
 *       written) keeps the claim until its {@link #LEASE} has passed, as a request that died
 *       (a Lambda timeout) does; a retry after that processes the request again.
 * </ul>
 *
 * Without the header a {@code POST} is processed as it always was. The key is 1 to
 * {@value #MAX_KEY_LENGTH} visible ASCII characters other than {@code "} and {@code \}, sent as a
 * structured-field string ({@code "8e03978e-..."}) or bare; anything else is 400 naming the
 * header, before anything is claimed.
 */
final class Idempotency {

  /** The request header (lower case, as {@link HttpApiRequest} holds headers). */
  static final String HEADER = "idempotency-key";
  /** Response header on a replayed response. */
  static final String REPLAYED = "idempotent-replayed";
  /** How long a key's response is kept (the record's {@code expiresAt}, a TTL attribute). */
  static final Duration TTL = Duration.ofHours(24);
  /**
   * How long a claim stays exclusive without an outcome: longer than the function's timeout
   * (60 s), so a request still running is never taken over.
   */
  static final Duration LEASE = Duration.ofMinutes(2);
  /** Seconds a client is told to wait before retrying a request in progress. */
  static final String RETRY_AFTER = "2";
  static final int MAX_KEY_LENGTH = 255;

  private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
  private static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,"
      + MAX_KEY_LENGTH + "}");

  private final IdempotencyStore store;
  private final Clock clock;

  Idempotency(IdempotencyStore store, Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Runs {@code request} (a route's handler: answers 2xx, throws its refusal) under the request's
   * {@code Idempotency-Key}, if it has one.
   *
   * @param route the method and routed path, e.g. {@code POST /findings}
   */
  Map<String, Object> run(HttpApiRequest r, Actor actor, String route,
      Supplier<Map<String, Object>> request) {
    var header = r.header(HEADER);
    if (header == null) {
      return request.get();
    }
    var scope = new Scope(actor.id(), route, key(header));
    var fingerprint = Sha256.of(r.body() == null ? new byte[0] : r.body()).hex();
    var claim = store.claim(scope, fingerprint, clock.now(), LEASE, TTL);
    if (claim instanceof Completed completed) {
      return replay(completed.response());
    }
    if (claim instanceof InFlight) {
      throw new ApiProblem(409, "request-in-progress", "Request in progress", "a request to "
          + route + " with this Idempotency-Key is still being processed: retry later to get"
          + " its response", "Idempotency-Key", Map.of("retry-after", RETRY_AFTER));
    }
    if (!(claim instanceof Claimed claimed)) {
      throw new ApiProblem(422, "idempotency-key-reused", "Idempotency key reused", "this"
          + " Idempotency-Key was sent to " + route + " with another body; a key names one"
          + " request: send a new key with a new request", "Idempotency-Key", Map.of());
    }
    Map<String, Object> response;
    try {
      response = request.get();
    } catch (RuntimeException e) {
      if (FindingsApi.isRefusal(e)) {
        release(scope, claimed.token(), e);
      } else {
        LOG.warn("{} with an Idempotency-Key failed unexpectedly: the key stays claimed for {}"
            + " (something may have been written)", route, LEASE);
      }
      throw e;
    }
    int status = ((Number) response.get("statusCode")).intValue();
    if (status < 200 || status >= 300) {
      // routes throw their refusals; a non-2xx answer is not worth remembering either
      release(scope, claimed.token(), null);
      return response;
    }
    try {
      if (!store.complete(scope, claimed.token(), stored(response))) {
        LOG.warn("{}: the Idempotency-Key's claim was taken over before the response was"
            + " stored", route);
      }
    } catch (RuntimeException e) {
      // the change is made: answer it; the claim stays in progress until its lease has passed
      LOG.error("{}: could not store the response under its Idempotency-Key", route, e);
    }
    return response;
  }

  /** The key of the header's value: a structured-field string or a bare token. */
  static String key(String header) {
    var value = header.trim();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    if (!KEY.matcher(value).matches()) {
      throw ApiProblem.invalid("Idempotency-Key", "Idempotency-Key must be 1 to "
          + MAX_KEY_LENGTH + " visible ASCII characters without '\"' or '\\' (e.g. a UUID),"
          + " optionally in double quotes");
    }
    return value;
  }

  private void release(Scope scope, String token, RuntimeException cause) {
    try {
      store.release(scope, token);
    } catch (RuntimeException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
      LOG.warn("{}: could not release an Idempotency-Key; it stays claimed for {}",
          scope.route(), LEASE, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static StoredResponse stored(Map<String, Object> response) {
    return new StoredResponse(((Number) response.get("statusCode")).intValue(),
        (Map<String, String>) response.get("headers"), String.valueOf(response.get("body")));
  }

  private static Map<String, Object> replay(StoredResponse stored) {
    var headers = new LinkedHashMap<String, String>(stored.headers());
    headers.put(REPLAYED, "true");
    var out = new LinkedHashMap<String, Object>();
    out.put("statusCode", stored.status());
    out.put("headers", headers);
    out.put("body", stored.body());
    out.put("isBase64Encoded", false);
    return out;
  }
}
