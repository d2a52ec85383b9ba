package io.vigil.adapters.contract;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.Treatment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builders of domain records for the contract tests; every test uses its own unique prefix. */
public final class TestData {

  public static final String ACCOUNT = "123456789012";
  public static final CheckId CHECK = CheckId.of("s3_bucket_encryption_enabled");
  /** Has a fraction of a second, so that a lossy time codec would show. */
  public static final Instant T0 = Instant.parse("2026-11-28T06:00:00.123456789Z");

  private TestData() {}

  /** A prefix no other test (in this JVM or an earlier one against the same emulator) uses. */
  public static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static String arn(String prefix, int n) {
    return "arn:aws:s3:::" + prefix + "-bucket-" + String.format("%04d", n);
  }

  public static CheckResult result(String runId, String resourceArn, Instant observedAt,
      CheckStatus status, String reason) {
    return new CheckResult(runId, CHECK, status, ACCOUNT, "eu-west-1", resourceArn,
        "AWS::S3::Bucket", List.of(ControlId.parse("A.8.24"), ControlId.parse("A.5.33")),
        Severity.HIGH, observedAt, Sha256.of(runId + resourceArn + observedAt), reason);
  }

  /** An open automated finding about {@code resourceArn}. */
  public static Finding automated(String id, String resourceArn, LocalDate dueDate) {
    return new Finding(FindingId.of(id), FindingType.MINOR_NONCONFORMITY,
        FindingSource.AUTOMATED_CHECK, FindingStatus.OPEN, "Bucket not encrypted",
        "Default encryption is off on " + resourceArn, Severity.HIGH,
        List.of(ControlId.parse("A.8.24"), ControlId.parse("A.5.33")),
        List.of(ClauseId.parse("10.2")), CHECK, ACCOUNT, "eu-west-1", resourceArn, T0, dueDate,
        "platform-team", null, null, null, null, null, null, 0);
  }

  /** An open finding raised by an internal audit (no subject). */
  public static Finding audit(String id, LocalDate dueDate) {
    return new Finding(FindingId.of(id), FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT,
        FindingStatus.OPEN, "Access reviews are late", "", Severity.MEDIUM, List.of(),
        List.of(ClauseId.parse("9.2"), ClauseId.parse("6.1.3")), null, null, null, null, T0,
        dueDate, null, null, null, null, null, "AUDIT-2026-1", null, 0);
  }

  /** An open finding of {@code source} raised at {@code raisedAt}, with every field set. */
  public static Finding raised(String id, FindingType type, FindingSource source, String control,
      String owner, Instant raisedAt, LocalDate dueDate) {
    return new Finding(FindingId.of(id), type, source, FindingStatus.OPEN, "Finding " + id,
        "raised for the listing", Severity.LOW, List.of(ControlId.parse(control)), List.of(), null,
        null, null, null, raisedAt, dueDate, owner, null, null, null, null, null, null, 0);
  }

  /** A treatment with every step recorded. */
  public static Treatment fullTreatment() {
    return new Treatment("bucket encryption switched on", "two more buckets found and fixed",
        T0.plusSeconds(3600), "no unencrypted bucket in the last 3 runs", "bob",
        T0.plusSeconds(7200), "guardrail added to the baseline", "accepted: low risk");
  }

  public static String subjectOf(String resourceArn) {
    return ACCOUNT + "#" + CHECK + "#" + resourceArn;
  }
}
