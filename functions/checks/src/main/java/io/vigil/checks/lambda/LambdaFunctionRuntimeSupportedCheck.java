package io.vigil.checks.lambda;

import static java.util.Map.entry;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every zip-packaged function runs on a runtime that AWS has not deprecated at the time of the
 * snapshot. Container image functions are NOT_APPLICABLE (their base image is not visible here).
 * A runtime missing from {@link #DEPRECATIONS} counts as supported.
 */
@Singleton
public final class LambdaFunctionRuntimeSupportedCheck implements EvidenceCheck<LambdaSnapshot> {

  /**
   * Deprecation dates (end of security patches) from the AWS Lambda runtime documentation. Add a
   * runtime here when AWS announces its date.
   */
  public static final Map<String, LocalDate> DEPRECATIONS = Map.ofEntries(
      entry("nodejs", LocalDate.of(2016, 10, 31)),
      entry("nodejs4.3", LocalDate.of(2020, 3, 5)),
      entry("nodejs4.3-edge", LocalDate.of(2019, 4, 30)),
      entry("nodejs6.10", LocalDate.of(2019, 8, 12)),
      entry("nodejs8.10", LocalDate.of(2020, 3, 6)),
      entry("nodejs10.x", LocalDate.of(2021, 7, 30)),
      entry("nodejs12.x", LocalDate.of(2023, 3, 31)),
      entry("nodejs14.x", LocalDate.of(2023, 12, 4)),
      entry("nodejs16.x", LocalDate.of(2024, 6, 12)),
      entry("nodejs18.x", LocalDate.of(2025, 9, 1)),
      entry("python2.7", LocalDate.of(2021, 7, 15)),
      entry("python3.6", LocalDate.of(2022, 7, 18)),
      entry("python3.7", LocalDate.of(2023, 12, 4)),
      entry("python3.8", LocalDate.of(2024, 10, 14)),
      entry("python3.9", LocalDate.of(2025, 12, 15)),
      entry("ruby2.5", LocalDate.of(2021, 7, 30)),
      entry("ruby2.7", LocalDate.of(2023, 12, 7)),
      entry("java8", LocalDate.of(2024, 1, 8)),
      entry("go1.x", LocalDate.of(2024, 1, 8)),
      entry("provided", LocalDate.of(2024, 1, 8)),
      entry("dotnetcore1.0", LocalDate.of(2019, 7, 30)),
      entry("dotnetcore2.0", LocalDate.of(2019, 5, 30)),
      entry("dotnetcore2.1", LocalDate.of(2022, 1, 5)),
      entry("dotnetcore3.1", LocalDate.of(2023, 4, 3)),
      entry("dotnet5.0", LocalDate.of(2022, 5, 10)),
      entry("dotnet7", LocalDate.of(2024, 5, 14)),
      entry("dotnet6", LocalDate.of(2024, 12, 20)));

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("lambda_function_runtime_supported")
          .title("Lambda function runs on a runtime that AWS still supports")
          .resourceType("AWS::Lambda::Function")
          .severity(Severity.MEDIUM)
          .supporting("A.8.8")
          .rationale("After a runtime's deprecation date AWS no longer applies security patches"
              + " to it, so vulnerabilities in the language runtime and its OS image stay open."
              + " Keeping functions on supported runtimes is part of the management of technical"
              + " vulnerabilities (A.8.8); it does not cover the function's own dependencies.")
          .remediation("Update the code for a supported runtime, then aws lambda"
              + " update-function-configuration --function-name NAME --runtime RUNTIME (CDK:"
              + " runtime: Runtime.NODEJS_22_X / PYTHON_3_13 / JAVA_21 ...).")
          .build();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public Class<LambdaSnapshot> snapshotType() {
    return LambdaSnapshot.class;
  }

  @Override
  public List<Observation> evaluate(LambdaSnapshot snapshot, ScanTarget target) {
    var today = LocalDate.ofInstant(snapshot.takenAt(), ZoneOffset.UTC);
    return snapshot.functions().stream().map(f -> judge(f, today)).toList();
  }

  private static Observation judge(LambdaSnapshot.Function function, LocalDate today) {
    var subject = "function " + function.name();
    var runtime = function.runtime();
    if (runtime == null || runtime.isBlank()) {
      return Observation.notApplicable(function.arn(), subject + ": container image function ("
          + "package type " + function.packageType() + "), no managed runtime");
    }
    var deprecated = DEPRECATIONS.get(runtime);
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Runtime", runtime);
    if (deprecated == null) {
      return Observation.pass(function.arn(),
          subject + ": runtime " + runtime + " is not deprecated", evidence);
    }
    evidence.put("DeprecationDate", deprecated.toString());
    return Observation.of(today.isBefore(deprecated), function.arn(),
        subject + ": runtime " + runtime + " is supported until " + deprecated,
        subject + ": runtime " + runtime + " has been deprecated since " + deprecated, evidence);
  }
}
