package io.vigil.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the functions' deployment packages are. The infrastructure module's build copies each
 * shaded jar to {@code target/lambda/} under a stable name (see {@code infrastructure/pom.xml},
 * execution {@code copy-lambda-packages}), so asset paths do not depend on the project version.
 * The directory is the system property {@code vigil.lambda.dir}, else {@code target/lambda}
 * relative to the working directory.
 */
public final class LambdaPackages {

  public static final String COLLECT_EVIDENCE_NETWORK = "collect-evidence-network.jar";
  public static final String COLLECT_EVIDENCE_GOVERNANCE = "collect-evidence-governance.jar";
  public static final String FINDINGS_API = "findings-api.jar";
  public static final String NOTIFY = "notify.jar";
  public static final String SCHEDULE_AUDITS = "schedule-audits.jar";
  public static final String SUMMARIZE_PERFORMANCE = "summarize-performance.jar";

  /**
   * True when the collect-evidence packages are the two per-service-group jars
   * ({@code -lambda-network}, {@code -lambda-governance}) whose dispatcher reads
   * {@code vigil.fan-out-queues}; false while both groups use the single {@code -lambda} jar,
   * whose dispatcher reads {@code vigil.fan-out-queue-url}. Set by the build from the same
   * properties that choose the jars (system property {@code vigil.collector.split}).
   */
  public static boolean collectorSplit() {
    return Boolean.parseBoolean(System.getProperty("vigil.collector.split", "false"));
  }

  private final Path dir;

  public LambdaPackages(Path dir) {
    this.dir = dir;
  }

  /** The directory of the build (system property {@code vigil.lambda.dir}). */
  public static LambdaPackages fromBuild() {
    return new LambdaPackages(Path.of(System.getProperty("vigil.lambda.dir", "target/lambda")));
  }

  /** The package's path; fails naming the file and how to build it when it is missing. */
  public String path(String name) {
    var file = dir.resolve(name).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("deployment package " + file + " is missing: build it"
          + " with ./mvnw -pl infrastructure -am package -DskipTests (or ./vigil synth)");
    }
    return file.toString();
  }
}
