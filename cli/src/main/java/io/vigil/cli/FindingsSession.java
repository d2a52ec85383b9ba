package io.vigil.cli;

import io.micronaut.context.ApplicationContext;
import io.vigil.functions.findingsapi.FindingsApiHandler;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.io.IOException;
import java.util.Map;

/**
 * The findings-api function running in-process for one target: its handler, built with the
 * target's properties as Lambda would build it, answering API Gateway v2 events.
 */
final class FindingsSession implements AutoCloseable {

  /** A decoded API response: status, headers, and the body as a JSON tree. */
  record Response(int status, Map<String, String> headers, Map<String, Object> body) {
    boolean ok() {
      return status < 400;
    }
  }

  private final FindingsApiHandler handler;

  private FindingsSession(FindingsApiHandler handler) {
    this.handler = handler;
  }

  /** Starts the function's application context for {@code target}. */
  static FindingsSession open(AwsTarget target) {
    return new FindingsSession(new FindingsApiHandler(
        ApplicationContext.builder().properties(target.properties())));
  }

  /** Runs the handler on a decoded event, as Lambda would; returns its raw response. */
  Map<String, Object> handle(Map<String, Object> event) {
    return handler.handleRequest(event, null);
  }

  /** Sends one API request and decodes the response. */
  @SuppressWarnings("unchecked")
  Response call(HttpApiEvent request) {
    var raw = handle(request.toMap());
    var headers = (Map<String, String>) raw.get("headers");
    try {
      var body = Json.parseObject(String.valueOf(raw.get("body")));
      return new Response(((Number) raw.get("statusCode")).intValue(), headers, body);
    } catch (IOException e) {
      throw new CommandFailure("findings-api answered a body that is not a JSON object: "
          + Failures.describe(e), e);
    }
  }

  @Override
  public void close() {
    handler.close();
  }
}
