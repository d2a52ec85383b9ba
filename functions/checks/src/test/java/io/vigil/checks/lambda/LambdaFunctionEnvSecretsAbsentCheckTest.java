package io.vigil.checks.lambda;

import static io.vigil.checks.lambda.LambdaFixtures.TARGET;
import static io.vigil.checks.lambda.LambdaFixtures.literal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaFunctionEnvSecretsAbsentCheckTest {

  private final LambdaFunctionEnvSecretsAbsentCheck check =
      new LambdaFunctionEnvSecretsAbsentCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoFunction() {
    assertEquals(List.of(), check.evaluate(LambdaFixtures.of(), TARGET));
  }

  @Test
  void evaluate_passes_forNeutralNamesReferencesAndEmptyValues() {
    // GIVEN
    var f = LambdaFixtures.withEnv("tidy", literal("LOG_LEVEL"), literal("DB_SECRET_ARN"),
        literal("API_KEY_PARAM"), literal("TOKEN_URL"),
        new LambdaSnapshot.EnvironmentVariable("DB_PASSWORD", LambdaSnapshot.ValueKind.REFERENCE),
        new LambdaSnapshot.EnvironmentVariable("API_TOKEN", LambdaSnapshot.ValueKind.EMPTY));
    // WHEN
    var o = check.evaluate(LambdaFixtures.of(f, LambdaFixtures.withEnv("bare")), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS), LambdaFixtures.statuses(o));
    assertEquals("function tidy: no environment variable looks like a plaintext secret",
        o.get(0).reason());
    assertEquals(6, o.get(0).evidence().get("EnvironmentVariableCount"));
  }

  @Test
  void evaluate_fails_forLiteralValuesUnderSecretNames_namingKeysOnly() {
    var f = LambdaFixtures.withEnv("leaky", literal("DB_PASSWORD"), literal("stripe_api_key"),
        literal("GITHUB_TOKEN"), literal("REGION"));
    var o = check.evaluate(LambdaFixtures.of(f), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("function leaky: environment variable DB_PASSWORD, stripe_api_key, GITHUB_TOKEN"
        + " appears to hold a secret in plain text", o.reason());
    assertEquals(List.of("DB_PASSWORD", "stripe_api_key", "GITHUB_TOKEN"),
        o.evidence().get("SuspectedPlaintextSecrets"));
  }

  @Test
  void kindOf_classifiesValuesWithoutKeepingThem() {
    assertEquals(LambdaSnapshot.ValueKind.EMPTY, LambdaSnapshotLoader.kindOf(" "));
    assertEquals(LambdaSnapshot.ValueKind.REFERENCE, LambdaSnapshotLoader.kindOf(
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"));
    assertEquals(LambdaSnapshot.ValueKind.REFERENCE, LambdaSnapshotLoader.kindOf("/prod/db/pw"));
    assertEquals(LambdaSnapshot.ValueKind.REFERENCE,
        LambdaSnapshotLoader.kindOf("{{resolve:secretsmanager:db}}"));
    assertEquals(LambdaSnapshot.ValueKind.LITERAL, LambdaSnapshotLoader.kindOf("hunter2"));
  }
}
