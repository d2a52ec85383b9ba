package io.vigil.checks.lambda;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;

/**
 * No function has an environment variable that, by its name, holds a secret as a literal value.
 * A heuristic: a name containing PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY or
 * CREDENTIAL, unless it ends with a reference suffix ({@code _ARN}, {@code _NAME}, {@code _ID},
 * {@code _PARAM}, {@code _PATH}, {@code _URL}...), whose value is neither empty nor a reference
 * (ARN, SSM parameter path, resolve expression). Only variable names reach the evidence.
 */
@Singleton
public final class LambdaFunctionEnvSecretsAbsentCheck
    extends ResourceCheck<LambdaSnapshot, LambdaSnapshot.Function> {

  /** Names that suggest a secret. */
  static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL).*");

  /** Suffixes of names that hold a pointer to a secret rather than the secret. */
  static final Pattern REFERENCE_NAME = Pattern.compile(
      "(?i).*_(ARN|NAME|ID|PARAM|PARAMETER|PATH|URL|URI|REF|ENDPOINT|HEADER|TTL|EXPIRY"
          + "|LENGTH|FILE)$");

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("lambda_function_env_secrets_absent")
          .title("Lambda function keeps no secrets as plain environment variable values")
          .resourceType("AWS::Lambda::Function")
          .severity(Severity.MEDIUM)
          .supporting("A.5.17", "A.8.12")
          .rationale("Environment variable values are shown to anyone allowed"
              + " lambda:GetFunctionConfiguration, appear in deployment templates and are copied"
              + " to every version. Secrets belong in Secrets Manager or SSM Parameter Store,"
              + " fetched at run time, which protects authentication information (A.5.17) and"
              + " prevents leakage (A.8.12). The check judges variable names and whether the"
              + " value is a reference, so it can miss secrets under neutral names.")
          .remediation("Store the value in Secrets Manager (aws secretsmanager create-secret),"
              + " put the secret's ARN in the variable (e.g. DB_PASSWORD_ARN), grant"
              + " secretsmanager:GetSecretValue to the execution role and read it at start-up"
              + " (or use the AWS Parameters and Secrets Lambda Extension).")
          .build();

  public LambdaFunctionEnvSecretsAbsentCheck() {
    super(METADATA, LambdaSnapshot.class, LambdaSnapshot::functions);
  }

  @Override
  protected Observation judge(LambdaSnapshot.Function function, ScanTarget target) {
    var subject = "function " + function.name();
    var suspicious = function.environment().stream()
        .filter(LambdaFunctionEnvSecretsAbsentCheck::looksLikePlainSecret)
        .map(LambdaSnapshot.EnvironmentVariable::name)
        .toList();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("EnvironmentVariableCount", function.environment().size());
    evidence.put("SuspectedPlaintextSecrets", suspicious);
    return Observation.of(suspicious.isEmpty(), function.arn(),
        subject + ": no environment variable looks like a plaintext secret",
        subject + ": environment variable " + String.join(", ", suspicious)
            + " appears to hold a secret in plain text", evidence);
  }

  static boolean looksLikePlainSecret(LambdaSnapshot.EnvironmentVariable v) {
    return v.valueKind() == LambdaSnapshot.ValueKind.LITERAL
        && SECRET_NAME.matcher(v.name()).matches()
        && !REFERENCE_NAME.matcher(v.name()).matches();
  }
}
