package io.vigil.checks.lambda;

import io.vigil.checks.Lookup;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Lambda functions of one account in one region.
 *
 * @param takenAt when the functions were listed; runtime deprecation is judged at this instant
 * @param functions every function ListFunctions returned
 */
public record LambdaSnapshot(Instant takenAt, List<Function> functions) {

  public LambdaSnapshot {
    Objects.requireNonNull(takenAt, "takenAt");
    functions = List.copyOf(functions);
  }

  /**
   * One function ($LATEST).
   *
   * @param runtime e.g. {@code python3.12}; null for a container image function
   * @param packageType {@code Zip} or {@code Image}
   * @param environment the function's environment variables, described without their values
   * @param policy the statements of the resource-based policy (GetPolicy); absent when the
   *     function has none
   */
  public record Function(
      String name,
      String arn,
      String runtime,
      String packageType,
      List<EnvironmentVariable> environment,
      Lookup<List<Statement>> policy) {

    public Function {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      environment = List.copyOf(environment);
      Objects.requireNonNull(policy, "policy");
    }
  }

  /** What an environment variable's value looks like; the value itself is never kept. */
  public enum ValueKind {
    /** The value is empty. */
    EMPTY,
    /** The value points to a secret store: an ARN, an SSM parameter path or a resolve reference. */
    REFERENCE,
    /** Any other value. */
    LITERAL
  }

  /** One environment variable: its name and the kind of its value. */
  public record EnvironmentVariable(String name, ValueKind valueKind) {

    public EnvironmentVariable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(valueKind, "valueKind");
    }
  }

  /**
   * One statement of a function's resource-based policy.
   *
   * @param sid the statement id, or an empty string
   * @param effect {@code Allow} or {@code Deny}
   * @param principals the principals, as {@code AWS:*}, {@code Service:s3.amazonaws.com}, or
   *     {@code *} for a bare wildcard
   * @param actions e.g. {@code lambda:InvokeFunction}
   * @param conditionKeys the condition keys the statement tests, e.g. {@code AWS:SourceArn}
   */
  public record Statement(
      String sid,
      String effect,
      List<String> principals,
      List<String> actions,
      List<String> conditionKeys) {

    public Statement {
      sid = sid == null ? "" : sid;
      Objects.requireNonNull(effect, "effect");
      principals = List.copyOf(principals);
      actions = List.copyOf(actions);
      conditionKeys = List.copyOf(conditionKeys);
    }
  }
}
