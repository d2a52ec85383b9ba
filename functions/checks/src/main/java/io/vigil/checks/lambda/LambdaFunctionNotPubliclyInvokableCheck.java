package io.vigil.checks.lambda;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * No function's resource-based policy allows everyone: no Allow statement has the principal
 * {@code *} (bare or {@code AWS:*}) without a condition that pins the caller
 * ({@link #RESTRICTING_KEYS}). A function URL with auth type NONE is granted exactly that way, so
 * it fails too. A function without a policy passes.
 */
@Singleton
public final class LambdaFunctionNotPubliclyInvokableCheck
    extends ResourceCheck<LambdaSnapshot, LambdaSnapshot.Function> {

  /** Condition keys (lower case) that restrict a wildcard principal to known callers. */
  public static final Set<String> RESTRICTING_KEYS = Set.of("aws:sourceaccount",
      "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:principalaccount",
      "aws:principalarn", "aws:principalorgid", "aws:sourcevpc", "aws:sourcevpce",
      "aws:sourceip");

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("lambda_function_not_publicly_invokable")
          .title("Lambda function's resource policy does not let anyone invoke it")
          .resourceType("AWS::Lambda::Function")
          .severity(Severity.HIGH)
          .primary("A.8.3")
          .supporting("A.5.15", "A.8.20")
          .rationale("A policy statement for Principal \"*\" without a source condition lets any"
              + " AWS account, or anyone on the internet through a function URL with auth type"
              + " NONE, run the function with its execution role's permissions and its data."
              + " Restricting who may invoke functions is information access restriction (A.8.3)"
              + " and access control (A.5.15).")
          .remediation("aws lambda remove-permission --function-name NAME --statement-id SID,"
              + " then grant the caller by account or ARN (aws lambda add-permission ..."
              + " --principal s3.amazonaws.com --source-arn ARN --source-account ACCOUNT); for a"
              + " function URL use --auth-type AWS_IAM.")
          .build();

  public LambdaFunctionNotPubliclyInvokableCheck() {
    super(METADATA, LambdaSnapshot.class, LambdaSnapshot::functions);
  }

  @Override
  protected Observation judge(LambdaSnapshot.Function function, ScanTarget target) {
    var subject = "function " + function.name();
    var policy = function.policy();
    if (policy.isFailed()) {
      return policy.toErrorObservation(function.arn(), subject);
    }
    var statements = policy.absentAs(List.of()).value();
    var open = new ArrayList<String>();
    for (int i = 0; i < statements.size(); i++) {
      if (isPublic(statements.get(i))) {
        var sid = statements.get(i).sid();
        open.add(sid.isEmpty() ? "#" + (i + 1) : sid);
      }
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("HasResourcePolicy", policy.isPresent());
    evidence.put("StatementCount", statements.size());
    evidence.put("PublicStatements", List.copyOf(open));
    return Observation.of(open.isEmpty(), function.arn(),
        policy.isPresent() ? subject + ": resource policy grants no public access"
            : subject + ": no resource-based policy",
        subject + ": resource policy statement " + String.join(", ", open)
            + " allows any principal to invoke it", evidence);
  }

  /** An Allow for a wildcard principal that no restricting condition narrows. */
  static boolean isPublic(LambdaSnapshot.Statement s) {
    if (!"Allow".equalsIgnoreCase(s.effect())) {
      return false;
    }
    var wildcard = s.principals().stream().anyMatch(p -> p.equals("*") || p.equals("AWS:*"));
    var restricted = s.conditionKeys().stream()
        .anyMatch(k -> RESTRICTING_KEYS.contains(k.toLowerCase(Locale.ROOT)));
    return wildcard && !restricted;
  }
}
