package io.vigil.infrastructure;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.vigil.infrastructure.stacks.ApiStack;
import io.vigil.infrastructure.stacks.DataStack;
import io.vigil.infrastructure.stacks.FunctionsStack;
import io.vigil.infrastructure.stacks.MemberAccountRoleStack;
import io.vigil.infrastructure.stacks.MonitoringStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The Vigil CDK app. {@code ./vigil synth [-c key=value ...]} runs it (through Maven) and writes the
 * CloudFormation templates and the cdk-nag reports to {@code infrastructure/cdk.out/}; the CDK CLI
 * can deploy that assembly ({@code cdk deploy --app infrastructure/cdk.out}). Context comes from
 * the arguments, and from {@code CDK_CONTEXT_JSON} when the CDK CLI runs the app.
 *
 * <p>Stacks: {@code <prefix>-Data} (table, buckets, bus, fan-out queues), {@code <prefix>-Functions}
 * (functions, rules, schedules, secret, dead-letter queues), {@code <prefix>-Api} (HTTP API, JWT
 * authorizer), {@code <prefix>-Monitoring} (alarms), and {@code <prefix>-MemberRole} (the member
 * account role template, for a StackSet).
 */
public final class VigilApp {

  /** The stacks of one deployment. */
  public record Vigil(VigilConfig config, DataStack data, FunctionsStack functions, ApiStack api,
      MonitoringStack monitoring, MemberAccountRoleStack memberRole) {

    public List<software.amazon.awscdk.Stack> stacks() {
      return List.of(data, functions, api, monitoring, memberRole);
    }
  }

  /**
   * CDK feature flags Vigil relies on (a new project's {@code cdk.json} would carry them):
   * server access logs are granted by bucket policy, not the LogDeliveryWrite ACL, so the buckets
   * can enforce bucket-owner object ownership (ACLs disabled).
   */
  static final Map<String, Object> FEATURE_FLAGS = Map.of(
      "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

  private VigilApp() {}

  /** Creates every stack in the app, applies the cdk-nag checks and Vigil's suppressions. */
  public static Vigil build(App app, LambdaPackages packages) {
    FEATURE_FLAGS.forEach((flag, value) -> {
      if (app.getNode().tryGetContext(flag) == null) {
        app.getNode().setContext(flag, value);
      }
    });
    var config = new VigilConfig(key -> app.getNode().tryGetContext(key), System.getenv());
    var env = Environment.builder();
    config.account.ifPresent(env::account);
    config.region.ifPresent(env::region);
    var props = StackProps.builder().env(env.build()).analyticsReporting(false);
    var p = config.stackPrefix;

    var data = new DataStack(app, p + "-Data", props
        .description("Vigil data: table, evidence bucket, event bus, fan-out queues").build(),
        config);
    var functions = new FunctionsStack(app, p + "-Functions", props
        .description("Vigil functions, their triggers and dead-letter queues").build(), config,
        data, packages);
    var api = new ApiStack(app, p + "-Api", props
        .description("Vigil findings API (HTTP API, JWT authorizer)").build(), config, functions);
    var monitoring = new MonitoringStack(app, p + "-Monitoring", props
        .description("Vigil alarms").build(), config, data, functions, api);
    var member = new MemberAccountRoleStack(app, p + "-MemberRole", config);

    var vigil = new Vigil(config, data, functions, api, monitoring, member);
    for (var stack : vigil.stacks()) {
      Tags.of(stack).add("app", "vigil");
      Tags.of(stack).add("vigil:stage", config.stage.name().toLowerCase());
    }
    NagSuppressionRegistry.apply(vigil);
    Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
    return vigil;
  }

  /**
   * Synthesizes into {@code CDK_OUTDIR} (set by the CDK CLI) or {@code cdk.out}. Arguments:
   * {@code -c key=value} / {@code --context key=value}. Prints the cdk-nag summary and exits 1
   * when a rule reports an unsuppressed error, 2 on invalid context.
   */
  public static void main(String[] args) {
    var context = new LinkedHashMap<String, Object>();
    for (int i = 0; i < args.length; i++) {
      var arg = args[i];
      if ((arg.equals("-c") || arg.equals("--context")) && i + 1 < args.length) {
        arg = args[++i];
      } else if (arg.startsWith("--context=")) {
        arg = arg.substring("--context=".length());
      } else {
        System.err.println("vigil synth: unexpected argument '" + arg + "' (use -c key=value)");
        System.exit(2);
        return;
      }
      int eq = arg.indexOf('=');
      if (eq < 1) {
        System.err.println("vigil synth: expected key=value after -c, got '" + arg + "'");
        System.exit(2);
        return;
      }
      context.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    var outdir = System.getenv().getOrDefault("CDK_OUTDIR", "cdk.out");
    removeStaleAssets(Path.of(outdir));
    var app = App.Builder.create().outdir(outdir).context(context).build();
    try {
      build(app, LambdaPackages.fromBuild());
    } catch (InvalidContextException | IllegalStateException e) {
      System.err.println("vigil synth: " + e.getMessage());
      System.exit(2);
      return;
    }
    app.synth();
    int errors = report(Path.of(outdir));
    System.exit(errors == 0 ? 0 : 1);
  }

  /**
   * Deletes the staged assets (copies of the jars, tens of MB each) of earlier runs: CDK adds the
   * current ones again and never removes old ones.
   */
  static void removeStaleAssets(Path outdir) {
    if (!Files.isDirectory(outdir)) {
      return;
    }
    try (var files = Files.list(outdir)) {
      for (var f : files.filter(f -> f.getFileName().toString().startsWith("asset.")).toList()) {
        if (Files.isDirectory(f)) {
          try (var tree = Files.walk(f)) {
            for (var p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        } else {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      System.err.println("vigil synth: could not remove old assets in " + outdir + ": "
          + e.getMessage());
    }
  }

  /** Prints what the cdk-nag reports in {@code outdir} say; returns the unsuppressed errors. */
  static int report(Path outdir) {
    int errors = 0;
    int suppressed = 0;
    var problems = new ArrayList<String>();
    try (var files = Files.list(outdir)) {
      for (var file : files.filter(f -> f.getFileName().toString().endsWith("-NagReport.csv"))
          .sorted().toList()) {
        for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          var cells = NagReports.cells(line);
          if (cells.size() < 5 || cells.get(0).equals("Rule ID")) {
            continue;
          }
          if (cells.get(2).equals("Non-Compliant")) {
            errors += cells.get(4).equals("Error") ? 1 : 0;
            problems.add(file.getFileName() + ": " + cells.get(0) + " " + cells.get(4) + " on "
                + cells.get(1));
          } else if (cells.get(2).equals("Suppressed")) {
            suppressed++;
          }
        }
      }
    } catch (IOException e) {
      System.err.println("vigil synth: cannot read the cdk-nag reports: " + e.getMessage());
      return 1;
    }
    problems.forEach(System.err::println);
    System.out.println("Templates and cdk-nag reports (AwsSolutions-*-NagReport.csv): "
        + outdir.toAbsolutePath().normalize());
    System.out.println("cdk-nag AwsSolutions: " + errors + " unsuppressed error(s), "
        + (problems.size() - errors) + " unsuppressed warning(s), " + suppressed
        + " suppressed finding(s), each with its reason in the report");
    return errors;
  }

  /** For tests: the context of an app as a map. */
  static Map<String, Object> context(String... pairs) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
