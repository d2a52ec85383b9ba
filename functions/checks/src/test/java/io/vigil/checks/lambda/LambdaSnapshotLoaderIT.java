package io.vigil.checks.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The Lambda loader against the emulator: a tidy function invokable only by one bucket, and a
 * careless one on a deprecated runtime, open to everyone, with a password in its environment.
 */
@WithAwsEmulator
class LambdaSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String TIDY = "vigil-tidy-" + SUFFIX;
  private static final String CARELESS = "vigil-careless-" + SUFFIX;
  private static final String BARE = "vigil-bare-" + SUFFIX;
  private static final String PASSWORD = "hunter2-" + SUFFIX;

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static LambdaSnapshot snapshot;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) throws IOException {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var lambda = clients.client(LambdaClient.class, LambdaClient::builder,
        Region.of(emulator.region()));
    var role = clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL)
        .createRole(r -> r.roleName("vigil-lambda-" + SUFFIX).assumeRolePolicyDocument(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
        .role().arn();
    var code = SdkBytes.fromByteArray(zip());
    // GIVEN
    lambda.createFunction(r -> r.functionName(TIDY).runtime(Runtime.PYTHON3_12).role(role)
        .handler("index.handler").code(c -> c.zipFile(code))
        .environment(e -> e.variables(Map.of("DB_PASSWORD_ARN",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db", "LOG_LEVEL", "INFO"))));
    lambda.addPermission(r -> r.functionName(TIDY).statementId("s3-invoke")
        .action("lambda:InvokeFunction").principal("s3.amazonaws.com")
        .sourceArn("arn:aws:s3:::vigil-" + SUFFIX).sourceAccount(target.accountId()));
    lambda.createFunction(r -> r.functionName(CARELESS).runtime(Runtime.PYTHON3_8).role(role)
        .handler("index.handler").code(c -> c.zipFile(code))
        .environment(e -> e.variables(Map.of("DB_PASSWORD", PASSWORD))));
    lambda.addPermission(r -> r.functionName(CARELESS).statementId("anyone")
        .action("lambda:InvokeFunction").principal("*"));
    lambda.createFunction(r -> r.functionName(BARE).runtime(Runtime.PYTHON3_12).role(role)
        .handler("index.handler").code(c -> c.zipFile(code)));
    // WHEN
    snapshot = new LambdaSnapshotLoader(clients).load(target);
  }

  private static byte[] zip() throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.py"));
      zip.write("def handler(event, context):\n    return 1\n".getBytes());
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsRuntimePolicyAndVariableNamesOnly() {
    var byName = snapshot.functions().stream()
        .collect(Collectors.toMap(LambdaSnapshot.Function::name, Function.identity()));
    var tidy = byName.get(TIDY);
    assertEquals("python3.12", tidy.runtime());
    assertEquals(List.of(
        new LambdaSnapshot.EnvironmentVariable("DB_PASSWORD_ARN",
            LambdaSnapshot.ValueKind.REFERENCE),
        new LambdaSnapshot.EnvironmentVariable("LOG_LEVEL", LambdaSnapshot.ValueKind.LITERAL)),
        tidy.environment());
    var statement = tidy.policy().value().get(0);
    assertEquals("s3-invoke", statement.sid());
    assertTrue(statement.principals().contains("Service:s3.amazonaws.com"),
        statement.principals().toString());
    var careless = byName.get(CARELESS);
    assertEquals("python3.8", careless.runtime());
    assertTrue(careless.policy().value().get(0).principals().stream()
        .anyMatch(p -> p.equals("*") || p.equals("AWS:*")));
    assertTrue(!snapshot.toString().contains(PASSWORD), "a secret value entered the snapshot");
  }

  @Test
  void load_recordsNoPolicyAsAbsent() {
    var bare = snapshot.functions().stream().filter(f -> f.name().equals(BARE)).findFirst()
        .orElseThrow();
    assertEquals(Lookup.absent(), bare.policy());
    assertEquals(List.of(), bare.environment());
    var observation = new LambdaFunctionNotPubliclyInvokableCheck().evaluate(snapshot, target)
        .stream().filter(o -> o.resourceArn().endsWith(":" + BARE)).findFirst().orElseThrow();
    assertEquals("function " + BARE + ": no resource-based policy", observation.reason());
  }

  @Test
  void checks_judgeTheLoadedFunctions() {
    for (EvidenceCheck<LambdaSnapshot> check : List.of(new LambdaFunctionRuntimeSupportedCheck(),
        new LambdaFunctionNotPubliclyInvokableCheck(),
        new LambdaFunctionEnvSecretsAbsentCheck())) {
      Map<String, Observation> byName = check.evaluate(snapshot, target).stream()
          .collect(Collectors.toMap(o -> o.resourceArn().substring(
              o.resourceArn().lastIndexOf(':') + 1), o -> o));
      var id = check.metadata().id().value();
      assertEquals(CheckStatus.PASS, byName.get(TIDY).status(), id);
      assertEquals(CheckStatus.FAIL, byName.get(CARELESS).status(), id);
      assertTrue(!byName.get(CARELESS).evidence().toString().contains(PASSWORD), id);
    }
  }
}
