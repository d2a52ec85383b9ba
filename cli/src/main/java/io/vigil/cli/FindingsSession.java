package io.vigil.cli;

import io.micronaut.context.ApplicationContext;
import io.vigil.functions.findingsapi.FindingsApiComponents;
import io.vigil.functions.findingsapi.FindingsApiHandler;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The findings-api function (Vigil's records API: findings, audit records) running in-process for
 * one target: its handler, built with the target's properties as Lambda would build it, answering
 * API Gateway v2 events.
 */
final class FindingsSession implements AutoCloseable {

  /** A decoded API response: status, headers, and the body as a JSON tree. */
  record Response(int status, Map<String, String> headers, Map<String, Object> body) {
    boolean ok() {
      return status < 400;
    }
  }

  /** The request header that makes a retried POST safe (draft-ietf-httpapi-idempotency-key). */
  static final String IDEMPOTENCY_KEY = "idempotency-key";

  private final FindingsApiHandler handler;

  private FindingsSession(FindingsApiHandler handler) {
    this.handler = handler;
  }

  /** Starts the function's application context for {@code target}. */
  static FindingsSession open(AwsTarget target) {
    return new FindingsSession(new FindingsApiHandler(
        ApplicationContext.builder().properties(target.properties())));
  }

  /** The function's use cases as its handler uses them (the demo seeds the registers). */
  FindingsApiComponents components() {
    return handler.getApplicationContext().getBean(FindingsApiComponents.class);
  }

  /** Runs the handler on a decoded event, as Lambda would; returns its raw response. */
  Map<String, Object> handle(Map<String, Object> event) {
    return handler.handleRequest(event, null);
  }

  /** An undecoded API response: status, headers and the body as text. */
  record Text(int status, Map<String, String> headers, String body) {
    boolean ok() {
      return status < 400;
    }

    /** The body as a JSON object (every response but a report, and every problem). */
    Response decode() {
      try {
        return new Response(status, headers, Json.parseObject(body));
      } catch (IOException e) {
        throw new CommandFailure("findings-api answered a body that is not a JSON object: "
            + Failures.describe(e), e);
      }
    }
  }

  /** Sends one API request and decodes the response. */
  Response call(HttpApiEvent request) {
    return send(request).decode();
  }

  /**
   * Sends one API request; the response as text (e.g. an audit report in HTML). A {@code POST}
   * without an {@code Idempotency-Key} is given a fresh random one, kept on {@code request}:
   * sending the same request again (a retry) re-sends the key, so the API answers it with the
   * first response instead of writing twice.
   */
  @SuppressWarnings("unchecked")
  Text send(HttpApiEvent request) {
    if (request.method().equals("POST") && request.header(IDEMPOTENCY_KEY) == null) {
      request.header(IDEMPOTENCY_KEY, UUID.randomUUID().toString());
    }
    var raw = handle(request.toMap());
    return new Text(((Number) raw.get("statusCode")).intValue(),
        (Map<String, String>) raw.get("headers"), String.valueOf(raw.get("body")));
  }

  @Override
  public void close() {
    handler.close();
  }
}
