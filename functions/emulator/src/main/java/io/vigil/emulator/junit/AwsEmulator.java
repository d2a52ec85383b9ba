package io.vigil.emulator.junit;

import io.vigil.emulator.MotoServer;

/**
 * The AWS endpoint the integration tests talk to: {@code VIGIL_TEST_ENDPOINT} when set (LocalStack,
 * a moto you run yourself), else a {@code moto_server} started once per test JVM. Tests obtain it by
 * declaring a parameter of this type under {@link WithAwsEmulator}.
 */
public final class AwsEmulator {

  /** Environment variable (or system property) that points the tests at an existing endpoint. */
  public static final String ENDPOINT_ENV = "VIGIL_TEST_ENDPOINT";

  public static final String REGION = "eu-west-1";

  private final String endpoint;
  private final boolean embeddedMoto;

  AwsEmulator(String endpoint, boolean embeddedMoto) {
    this.endpoint = endpoint;
    this.embeddedMoto = embeddedMoto;
  }

  public String endpoint() {
    return endpoint;
  }

  public String region() {
    return REGION;
  }

  /**
   * The access key id to sign requests to the emulator with ({@link Canaries#AWS_ACCESS_KEY_ID}):
   * the emulator accepts any credentials, the suite uses canaries that the log scan looks for.
   */
  public String accessKeyId() {
    return Canaries.AWS_ACCESS_KEY_ID;
  }

  /** The secret access key that goes with {@link #accessKeyId()}: a canary, never to be logged. */
  public String secretAccessKey() {
    return Canaries.AWS_SECRET_ACCESS_KEY;
  }

  /** True when the endpoint is the moto_server this JVM started (so it may be reset freely). */
  public boolean isEmbeddedMoto() {
    return embeddedMoto;
  }

  /**
   * Forgets all emulated resources when the emulator is this JVM's own moto; against an external
   * endpoint it does nothing, so tests must name their resources uniquely anyway.
   */
  public void resetIfEmbedded() {
    if (embeddedMoto) {
      MotoServer.reset(endpoint);
    }
  }

  static String configuredEndpoint() {
    var value = System.getProperty(ENDPOINT_ENV);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENDPOINT_ENV);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
