package io.vigil.checks.lambda;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.time.Instant;
import java.util.List;

/** Hand-written Lambda snapshots for the check tests. */
final class LambdaFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

  private LambdaFixtures() {}

  static String arn(String name) {
    return "arn:aws:lambda:eu-west-1:123456789012:function:" + name;
  }

  static LambdaSnapshot.Function function(String name, String runtime,
      List<LambdaSnapshot.EnvironmentVariable> env,
      Lookup<List<LambdaSnapshot.Statement>> policy) {
    return new LambdaSnapshot.Function(name, arn(name), runtime,
        runtime == null ? "Image" : "Zip", env, policy);
  }

  static LambdaSnapshot.Function withRuntime(String name, String runtime) {
    return function(name, runtime, List.of(), Lookup.absent());
  }

  static LambdaSnapshot.Function withPolicy(String name,
      Lookup<List<LambdaSnapshot.Statement>> policy) {
    return function(name, "python3.12", List.of(), policy);
  }

  static LambdaSnapshot.Function withEnv(String name,
      LambdaSnapshot.EnvironmentVariable... env) {
    return function(name, "python3.12", List.of(env), Lookup.absent());
  }

  static LambdaSnapshot.EnvironmentVariable literal(String name) {
    return new LambdaSnapshot.EnvironmentVariable(name, LambdaSnapshot.ValueKind.LITERAL);
  }

  static LambdaSnapshot of(LambdaSnapshot.Function... functions) {
    return new LambdaSnapshot(NOW, List.of(functions));
  }

  static List<CheckStatus> statuses(List<Observation> observations) {
    return observations.stream().map(Observation::status).toList();
  }
}
