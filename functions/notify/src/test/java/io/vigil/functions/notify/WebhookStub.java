package io.vigil.functions.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Slack incoming webhook on loopback that answers 200 {@code ok} and counts the messages posted
 * to its path. {@link #holdNext()} makes the next post wait, once it has arrived, until
 * {@link #release()}: a test can then act while a delivery is in flight (latches, no sleeps).
 */
final class WebhookStub implements AutoCloseable {

  /** A held post: {@code arrived} opens when it is in, {@code gate} lets it through. */
  record Hold(CountDownLatch arrived, CountDownLatch gate) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String path;
  private final AtomicInteger posts = new AtomicInteger();
  private final AtomicReference<Hold> next = new AtomicReference<>();
  private final AtomicReference<Hold> last = new AtomicReference<>();

  WebhookStub(String path) throws IOException {
    this.path = path;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(path, exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        if ("POST".equals(exchange.getRequestMethod())) {
          var hold = next.getAndSet(null);
          if (hold != null) {
            hold.arrived().countDown();
            awaitRelease(hold.gate());
          }
          posts.incrementAndGet();
        }
        var body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
  }

  /** The webhook URL (what the Secrets Manager secret holds). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Messages posted (and answered) so far. */
  int posts() {
    return posts.get();
  }

  /** The next post waits for {@link #release()}; the returned latch opens when it has arrived. */
  CountDownLatch holdNext() {
    var hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
    next.set(hold);
    last.set(hold);
    return hold.arrived();
  }

  /** Lets the held post through. */
  void release() {
    var hold = last.get();
    if (hold != null) {
      hold.gate().countDown();
    }
  }

  private static void awaitRelease(CountDownLatch gate) {
    try {
      // a bound so that a forgotten release fails the test instead of hanging the build
      if (!gate.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("a held webhook post was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
