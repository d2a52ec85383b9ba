package io.vigil.domain.fakes;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.EvidenceDocument;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.RunManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run manifests for ledger tests, whose evidence is really stored in a vault: the manifest of
 * {@code results} buckets of one unit, half of them failing a check.
 */
public final class TestManifests {

  public static final CheckId CHECK = CheckId.of("s3_bucket_encryption_enabled");
  public static final Instant T0 = Instant.parse("2026-11-28T06:00:00.123456789Z");

  private TestManifests() {}

  /**
   * Stores the evidence of {@code results} buckets in {@code vault} and returns the manifest of
   * the unit ({@code runId}, {@code target}) listing them. Equal arguments give equal manifests;
   * the same target in another run has the same evidence (unchanged configuration).
   */
  public static RunManifest stored(EvidenceVault vault, String runId, ScanTarget target,
      int results) {
    var list = new ArrayList<CheckResult>();
    for (int i = 0; i < results; i++) {
      var arn = "arn:aws:s3:::" + target.accountId() + "-" + target.region() + "-bucket-" + i;
      boolean encrypted = i % 2 == 0;
      var document = new EvidenceDocument(CHECK, target.accountId(), target.region(), arn,
          "AWS::S3::Bucket", Map.of("bucket", arn, "encrypted", encrypted));
      var address = vault.put(document.canonicalBytes());
      list.add(new CheckResult(runId, CHECK, encrypted ? CheckStatus.PASS : CheckStatus.FAIL,
          target.accountId(), target.region(), arn, "AWS::S3::Bucket",
          List.of(ControlId.parse("A.8.24")), Severity.HIGH, T0, address,
          encrypted ? "default encryption is on" : "default encryption is off"));
    }
    return RunManifest.of(RunManifest.unitIdOf(runId, target), runId, "schedule:test", target,
        T0, list);
  }
}
