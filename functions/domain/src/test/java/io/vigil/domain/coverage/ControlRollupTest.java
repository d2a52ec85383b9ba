package io.vigil.domain.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlRollupTest {

  private static final CheckMetadata ENCRYPTION = check("s3_bucket_default_encryption_enabled",
      List.of("A.8.24"), List.of("A.8.12"));
  private static final CheckMetadata KMS = check("kms_cmk_rotation_enabled", List.of("A.8.24"),
      List.of());
  private static final CheckMetadata VERSIONING = check("s3_bucket_versioning_enabled", List.of(),
      List.of("A.8.13"));

  private static CheckMetadata check(String id, List<String> primary, List<String> supporting) {
    return CheckMetadata.builder(id).title("t").resourceType("AWS::S3::Bucket")
        .severity(Severity.HIGH).primary(primary.toArray(String[]::new))
        .supporting(supporting.toArray(String[]::new)).rationale("r").remediation("f").build();
  }

  private static CheckResult result(CheckMetadata check, CheckStatus status, String arn) {
    return new CheckResult("run", check.id(), status, "123456789012", "eu-west-1", arn,
        check.resourceType(), check.controlIds(), check.severity(), Instant.EPOCH,
        Sha256.of(arn), "");
  }

  private final ControlCoverage coverage = new ControlCoverage(AnnexACatalogue.standard(),
      List.of(ENCRYPTION, KMS, VERSIONING));

  private Map<String, ControlRollup.Status> rollup(CheckResult... results) {
    return ControlRollup.of(coverage, List.of(results)).stream()
        .collect(Collectors.toMap(r -> r.control().id().toString(), ControlRollup.Row::status));
  }

  @Test
  void coverage_listsAll93Controls_andMarksUnmappedOnesManual() {
    assertEquals(93, coverage.rows().size());
    assertEquals(1, coverage.count(ControlCoverage.Evidence.AUTOMATED));
    assertEquals(2, coverage.count(ControlCoverage.Evidence.PARTIAL));
    assertEquals(90, coverage.count(ControlCoverage.Evidence.MANUAL));
  }

  @Test
  void pass_onlyWhenEveryPrimaryCheckHasPassingResults() {
    assertEquals(ControlRollup.Status.NO_DATA, rollup(result(ENCRYPTION, CheckStatus.PASS, "a"))
        .get("A.8.24"), "kms has no results yet");
    assertEquals(ControlRollup.Status.PASS, rollup(result(ENCRYPTION, CheckStatus.PASS, "a"),
        result(KMS, CheckStatus.PASS, "k")).get("A.8.24"));
  }

  @Test
  void error_isNeverShownAsPass_andFailWinsOverError() {
    assertEquals(ControlRollup.Status.ERROR, rollup(result(ENCRYPTION, CheckStatus.PASS, "a"),
        result(KMS, CheckStatus.ERROR, "k")).get("A.8.24"));
    assertEquals(ControlRollup.Status.FAIL, rollup(result(ENCRYPTION, CheckStatus.FAIL, "a"),
        result(KMS, CheckStatus.ERROR, "k")).get("A.8.24"));
  }

  @Test
  void supportingOnlyControls_neverPass_butDoFail() {
    assertEquals(ControlRollup.Status.MANUAL, rollup(result(VERSIONING, CheckStatus.PASS, "a"))
        .get("A.8.13"));
    assertEquals(ControlRollup.Status.FAIL, rollup(result(VERSIONING, CheckStatus.FAIL, "a"))
        .get("A.8.13"));
    assertEquals(ControlRollup.Status.MANUAL, rollup().get("A.5.1"));
    assertEquals(ControlId.parse("A.8.12"), ENCRYPTION.controlIds().get(1));
  }
}
