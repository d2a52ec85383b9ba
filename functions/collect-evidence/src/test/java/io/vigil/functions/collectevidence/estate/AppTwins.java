package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** CloudWatch Logs and Lambda twins. */
final class AppTwins {

  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":"
      + "\"sts:AssumeRole\"}]}";

  private final Estate estate;
  private final String a;
  private final Map<String, String> roles = new HashMap<>();

  AppTwins(Estate estate) {
    this.estate = estate;
    this.a = estate.caller();
  }

  void seed() {
    logGroups();
    functions();
  }

  private CloudWatchLogsClient logs(String account, String region) {
    return estate.client(account, CloudWatchLogsClient.class, CloudWatchLogsClient::builder,
        region);
  }

  private static String groupArn(String account, String region, String name) {
    return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
  }

  private void logGroups() {
    var caller = logs(a, US);
    var brief = "/vigil/" + estate.name("short");
    var kept = "/vigil/" + estate.name("kept");
    var key = estate.key(a, US);
    caller.createLogGroup(r -> r.logGroupName(brief).kmsKeyId(key));
    caller.putRetentionPolicy(r -> r.logGroupName(brief).retentionInDays(30));
    caller.createLogGroup(r -> r.logGroupName(kept).kmsKeyId(key));
    caller.putRetentionPolicy(r -> r.logGroupName(kept).retentionInDays(400));
    estate.add("log group keeping events 30 vs 400 days",
        "cloudwatch_log_group_retention_365_days", a, US,
        groupArn(a, US, brief), groupArn(a, US, kept));

    var member = logs(MEMBER, EU);
    var memberKey = estate.key(MEMBER, EU);
    var plain = "/vigil/" + estate.name("plain");
    var sealed = "/vigil/" + estate.name("sealed");
    member.createLogGroup(r -> r.logGroupName(plain));
    member.putRetentionPolicy(r -> r.logGroupName(plain).retentionInDays(400));
    member.createLogGroup(r -> r.logGroupName(sealed).kmsKeyId(memberKey));
    member.putRetentionPolicy(r -> r.logGroupName(sealed).retentionInDays(400));
    estate.add("log group without vs with a KMS key", "cloudwatch_log_group_kms_encrypted",
        MEMBER, EU, groupArn(MEMBER, EU, plain), groupArn(MEMBER, EU, sealed));
  }

  private LambdaClient lambda(String account, String region) {
    return estate.client(account, LambdaClient.class, LambdaClient::builder, region);
  }

  private void functions() {
    // a permission for any principal vs for the account
    var caller = lambda(a, EU);
    var open = function(caller, a, "fn-open", Runtime.PYTHON3_12, Map.of());
    var closed = function(caller, a, "fn-closed", Runtime.PYTHON3_12, Map.of());
    caller.addPermission(r -> r.functionName(estate.name("fn-open")).statementId("invoke")
        .action("lambda:InvokeFunction").principal("*"));
    caller.addPermission(r -> r.functionName(estate.name("fn-closed")).statementId("invoke")
        .action("lambda:InvokeFunction").principal(a));
    estate.add("function whose resource policy lets * vs the account invoke it",
        "lambda_function_not_publicly_invokable", a, EU, open, closed);

    // a deprecated vs a supported runtime
    var callerUs = lambda(a, US);
    estate.add("function on python3.8 vs python3.12", "lambda_function_runtime_supported", a, US,
        function(callerUs, a, "fn-py38", Runtime.PYTHON3_8, Map.of()),
        function(callerUs, a, "fn-py312", Runtime.PYTHON3_12, Map.of()));

    // DB_PASSWORD holding a literal vs a Secrets Manager ARN
    var member = lambda(MEMBER, US);
    estate.add("function whose DB_PASSWORD holds a literal vs a secret ARN",
        "lambda_function_env_secrets_absent", MEMBER, US,
        function(member, MEMBER, "fn-literal", Runtime.PYTHON3_12,
            Map.of("DB_PASSWORD", "hunter2-" + estate.suffix())),
        function(member, MEMBER, "fn-reference", Runtime.PYTHON3_12,
            Map.of("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:" + MEMBER
                + ":secret:db-password")));
  }

  private String function(LambdaClient lambda, String account, String what, Runtime runtime,
      Map<String, String> variables) {
    var role = role(account);
    return lambda.createFunction(r -> r.functionName(estate.name(what)).runtime(runtime)
        .role(role).handler("index.handler").code(c -> c.zipFile(code()))
        .environment(e -> e.variables(variables))).functionArn();
  }

  /** The execution role in {@code account}, created once (IAM is global). */
  private String role(String account) {
    return roles.computeIfAbsent(account, acc -> estate.client(acc, IamClient.class,
            IamClient::builder, "aws-global")
        .createRole(r -> r.roleName(estate.name("lambda")).assumeRolePolicyDocument(TRUST))
        .role().arn());
  }

  private static SdkBytes code() {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.py"));
      zip.write("def handler(event, context):\n    return 1\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }
}
