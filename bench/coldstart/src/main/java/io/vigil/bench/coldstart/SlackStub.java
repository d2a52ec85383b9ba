package io.vigil.bench.coldstart;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for a Slack incoming webhook: answers every POST with 200 {@code ok}, as Slack
 * does, and counts them, so the harness can check that each notify run delivered once.
 */
final class SlackStub implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger posts = new AtomicInteger();

  private SlackStub(HttpServer server) {
    this.server = server;
  }

  static SlackStub start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var stub = new SlackStub(server);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if ("POST".equals(exchange.getRequestMethod())) {
        stub.posts.incrementAndGet();
      }
      var body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return stub;
  }

  /** The webhook URL to store in the Slack secret. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort()
        + "/services/T0000000/B0000000/coldstartwebhooktoken";
  }

  int posts() {
    return posts.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
