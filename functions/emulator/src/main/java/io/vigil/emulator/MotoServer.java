package io.vigil.emulator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code moto_server} process on a free loopback port: the local AWS that the demo and the tests
 * use when no endpoint is configured. Started with {@link #start()}, stopped with {@link #close()}
 * (and by a shutdown hook, so a crashed JVM leaves no process behind).
 */
public final class MotoServer implements AutoCloseable {

  /** Environment variable naming the moto_server executable, if it is not on the PATH. */
  public static final String EXECUTABLE_ENV = "VIGIL_MOTO_SERVER";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final String endpoint;
  private final Path log;
  private final Thread shutdownHook;

  private MotoServer(Process process, String endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.shutdownHook = new Thread(process::destroyForcibly, "moto-server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts moto_server on 127.0.0.1 and a free port, and waits until it answers. */
  public static MotoServer start() {
    var executable = findExecutable();
    int port = freePort();
    Path log;
    try {
      log = Files.createTempFile("vigil-moto-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var command = new ArrayList<>(List.of(executable, "-H", "127.0.0.1", "-p", Integer.toString(port)));
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + executable + ": " + e.getMessage()
          + ". Install moto (pip install 'moto[server]') or set " + EXECUTABLE_ENV, e);
    }
    var server = new MotoServer(process, "http://127.0.0.1:" + port, log);
    server.awaitReady();
    return server;
  }

  public String endpoint() {
    return endpoint;
  }

  /** Forgets every resource in the emulator (moto's own reset API). */
  public void reset() {
    reset(endpoint);
  }

  /** Resets a moto server at {@code endpoint}. */
  public static void reset(String endpoint) {
    try {
      var conn = (HttpURLConnection) URI.create(endpoint + "/moto-api/reset").toURL().openConnection();
      conn.setRequestMethod("POST");
      conn.setConnectTimeout(2000);
      conn.setReadTimeout(10000);
      int code = conn.getResponseCode();
      conn.disconnect();
      if (code != 200) {
        throw new IllegalStateException("moto reset answered HTTP " + code);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not reset moto at " + endpoint, e);
    }
  }

  private void awaitReady() {
    var deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with code " + process.exitValue()
            + " before it was ready; its log: " + log);
      }
      if (answers(endpoint)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
    }
    close();
    throw new IllegalStateException("moto_server did not answer within " + STARTUP_TIMEOUT.toSeconds()
        + " s; its log: " + log);
  }

  /** True if an HTTP server answers at {@code endpoint}. */
  public static boolean answers(String endpoint) {
    try {
      var conn = (HttpURLConnection) URI.create(endpoint + "/moto-api/").toURL().openConnection();
      conn.setConnectTimeout(500);
      conn.setReadTimeout(2000);
      int code = conn.getResponseCode();
      conn.disconnect();
      return code > 0;
    } catch (IOException e) {
      return false;
    }
  }

  static String findExecutable() {
    var configured = System.getenv(EXECUTABLE_ENV);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    var path = System.getenv("PATH");
    if (path != null) {
      for (var dir : path.split(File.pathSeparator)) {
        var candidate = new File(dir, "moto_server");
        if (candidate.canExecute()) {
          return candidate.getAbsolutePath();
        }
      }
    }
    throw new IllegalStateException("moto_server is not on the PATH. Install moto with its server"
        + " extra (pip install 'moto[server]'), set " + EXECUTABLE_ENV + " to its path, or point"
        + " Vigil at another AWS-compatible endpoint (--endpoint-url / VIGIL_TEST_ENDPOINT)");
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException ignored) {
      // already shutting down: the hook runs anyway
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }
}
