package io.vigil.functions.findingsapi;

import io.micronaut.context.ApplicationContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The real findings-api handler, built as Lambda builds it, against the test emulator: its
 * properties (endpoint, region, dummy credentials, table, and any {@code extra}), requests to it
 * decoded like {@link ApiFixture}'s, and SDK clients of the emulator for the test's own set-up.
 */
final class EmulatedHandler implements AutoCloseable {

  private final AwsClientFactory clients;
  private final Region region;
  private final FindingsApiHandler handler;

  EmulatedHandler(AwsEmulator aws, String table, Map<String, Object> extra) {
    this.clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    this.region = Region.of(aws.region());
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", table);
    props.putAll(extra);
    this.handler = new FindingsApiHandler(ApplicationContext.builder().properties(props));
  }

  /** The handler itself (e.g. its SnapStart priming). */
  FindingsApiHandler handler() {
    return handler;
  }

  /** Clients of the emulator, built the way production builds them. */
  AwsClientFactory clients() {
    return clients;
  }

  Region region() {
    return region;
  }

  /**
   * The handler's raw answer to {@code event} (an HTTP API or scheduled event). API requests carry
   * the caller's bearer token as API Gateway passes it on: the canary token, which the suite's
   * log scan proves never reaches a log.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> handle(Map<String, Object> event) {
    if (event.get("headers") instanceof Map<?, ?> headers) {
      var withToken = new HashMap<String, Object>((Map<String, Object>) headers);
      withToken.putIfAbsent("authorization", "Bearer " + Canaries.BEARER_JWT);
      var request = new HashMap<>(event);
      request.put("headers", withToken);
      event = request;
    }
    return handler.handleRequest(event, null);
  }

  /** Sends one API request and decodes the JSON or problem response. */
  ApiFixture.Response call(HttpApiEvent event) {
    return ApiFixture.decode(handle(event.toMap()));
  }

  /** A request by {@code who}@acme.test (subject sub-{@code who}) in {@code group}. */
  static HttpApiEvent as(String method, String path, String who, String group) {
    return HttpApiEvent.request(method, path).as("sub-" + who, who + "@acme.test",
        List.of(group));
  }

  @Override
  public void close() {
    try {
      handler.close();
    } finally {
      clients.close();
    }
  }
}
