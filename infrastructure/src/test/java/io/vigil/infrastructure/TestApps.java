package io.vigil.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * The apps the tests look at, each built and synthesized once per test JVM (synthesis costs
 * seconds): {@link #defaults()} is {@code ./vigil synth} without context; {@link #full()} switches
 * on everything optional (member accounts, audit programme, e-mail, extra secrets, alarm e-mail,
 * prod stage, an explicit environment). Asset staging is off: templates point at the jars in
 * target/lambda instead of copying them.
 */
final class TestApps {

  static final String ACCOUNT = "111122223333";
  static final String REGION = "eu-west-1";

  private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

  /** One synthesized app and its templates. */
  record Built(VigilApp.Vigil vigil, Map<Stack, Template> templates,
      Map<Stack, Annotations> annotations) {

    Template template(Stack stack) {
      return templates.computeIfAbsent(stack, Template::fromStack);
    }

    Annotations annotations(Stack stack) {
      return annotations.computeIfAbsent(stack, Annotations::fromStack);
    }
  }

  private TestApps() {}

  static Built defaults() {
    return BUILT.computeIfAbsent("defaults", k -> build(Map.of()));
  }

  static Built full() {
    return BUILT.computeIfAbsent("full", k -> build(fullContext()));
  }

  /**
   * Environment-agnostic, organization mode, an external JWT issuer, Java 21, an audit programme:
   * the combinations {@link #full()} does not cover.
   */
  static Built variant() {
    return BUILT.computeIfAbsent("variant", k -> build(Map.of(
        "accounts", "organization",
        "organizationId", "o-abcdefghij",
        "memberExternalId", "vigil-org-external-id",
        "auditProgrammeFile", "../events/schedule-audits/programme.json",
        "jwtIssuer", "https://login.acme.example",
        "jwtAudience", "vigil-api,vigil-cli",
        "lambdaRuntime", "java21",
        "changeEvents", "false")));
  }

  static Map<String, Object> fullContext() {
    var c = new LinkedHashMap<String, Object>();
    c.put("stage", "prod");
    c.put("account", ACCOUNT);
    c.put("region", REGION);
    c.put("accounts", "444455556666,777788889999");
    c.put("memberExternalId", "vigil-test-external-id");
    c.put("regions", "eu-west-1,eu-central-1");
    c.put("auditProgrammeFile", "../events/schedule-audits/programme.json");
    c.put("notifyEmailFrom", "vigil@acme.example");
    c.put("notifySecrets", "vigil/slack-alerts");
    c.put("slackEnabled", "true");
    c.put("alarmEmail", "isms@acme.example");
    c.put("logRetentionDays", "731");
    return c;
  }

  /** Builds (without synthesizing) an app with this context. */
  static VigilApp.Vigil app(Map<String, Object> context) {
    var ctx = new LinkedHashMap<String, Object>(context);
    ctx.put("aws:cdk:disable-asset-staging", true);
    try {
      var outdir = Files.createTempDirectory("vigil-cdk-test");
      outdir.toFile().deleteOnExit();
      var app = App.Builder.create().outdir(outdir.toString()).context(ctx).build();
      return VigilApp.build(app, LambdaPackages.fromBuild());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Built build(Map<String, Object> context) {
    return new Built(app(context), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }
}
