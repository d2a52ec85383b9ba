package io.vigil.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.TestManifests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunManifestTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  private static final Instant T0 = Instant.parse("2026-11-28T06:00:00.5Z");

  private static CheckResult result(String check, String arn, CheckStatus status) {
    return new CheckResult("run-1", CheckId.of(check), status, TARGET.accountId(),
        TARGET.region(), arn, "AWS::S3::Bucket", List.of(ControlId.parse("A.8.24")),
        Severity.HIGH, T0, Sha256.of(check + arn), "reason \"quoted\"\n");
  }

  private static List<CheckResult> results() {
    return List.of(
        result("s3_bucket_versioning_enabled", "arn:aws:s3:::b", CheckStatus.FAIL),
        result("s3_bucket_encryption_enabled", "arn:aws:s3:::b", CheckStatus.PASS),
        result("s3_bucket_encryption_enabled", "arn:aws:s3:::a", CheckStatus.ERROR));
  }

  @Test
  void entriesAreSortedByCheckThenResourceSoInputOrderDoesNotChangeTheHash() {
    var shuffled = new ArrayList<>(results());
    Collections.reverse(shuffled);

    var a = RunManifest.of("u", "run-1", "schedule:hourly", TARGET, T0, results());
    var b = RunManifest.of("u", "run-1", "schedule:hourly", TARGET, T0, shuffled);

    assertEquals(a.sha256(), b.sha256());
    assertEquals(List.of("arn:aws:s3:::a", "arn:aws:s3:::b", "arn:aws:s3:::b"),
        a.entries().stream().map(RunManifest.Entry::resourceArn).toList());
    assertEquals("s3_bucket_versioning_enabled", a.entries().get(2).checkId());
  }

  @Test
  void canonicalBytesAreCompactSortedJsonListingEveryVerdictAndEvidenceHash() {
    var m = RunManifest.of("u", "run-1", "schedule:hourly", TARGET, T0, results());
    var json = new String(m.canonicalBytes(), StandardCharsets.UTF_8);

    assertTrue(json.startsWith("{\"accountId\":\"123456789012\",\"collectedAt\":"
        + "\"2026-11-28T06:00:00.500Z\",\"kind\":\"vigil.run-manifest\",\"partition\":\"aws\","
        + "\"region\":\"eu-west-1\",\"resultCount\":3,\"results\":[{\"accountId\":"), json);
    assertTrue(json.contains("\"status\":\"ERROR\""), json);
    assertTrue(json.contains("\"evidenceSha256\":\""
        + Sha256.of("s3_bucket_encryption_enabled" + "arn:aws:s3:::a") + "\""), json);
    assertEquals(Sha256.of(m.canonicalBytes()), m.sha256());
    assertEquals(3, m.resultCount());
  }

  @Test
  void parseReadsBackExactlyWhatWasWritten() {
    var m = RunManifest.of("u", "run-1", "", TARGET, T0, results());

    var read = RunManifest.parse(m.canonicalBytes());

    assertEquals(m, read);
    assertArrayEquals(m.canonicalBytes(), read.canonicalBytes());
  }

  @Test
  void parseReadsAnEmptyManifest() {
    var m = RunManifest.of("u", "run-1", "t", TARGET, T0, List.of());

    assertEquals(m, RunManifest.parse(m.canonicalBytes()));
  }

  @Test
  void parseRefusesOtherDocumentsAndNonCanonicalText() {
    var m = RunManifest.of("u", "run-1", "t", TARGET, T0, results());
    var pretty = new String(m.canonicalBytes(), StandardCharsets.UTF_8).replace(",", ", ");

    assertThrows(IllegalArgumentException.class,
        () -> RunManifest.parse(pretty.getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalArgumentException.class,
        () -> RunManifest.parse("{\"kind\":\"other\"}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalArgumentException.class,
        () -> RunManifest.parse("[1,2".getBytes(StandardCharsets.UTF_8)));
    var lying = new String(m.canonicalBytes(), StandardCharsets.UTF_8)
        .replace("\"resultCount\":3", "\"resultCount\":2");
    assertThrows(IllegalArgumentException.class,
        () -> RunManifest.parse(lying.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void unitIdNamesRunAccountAndRegion() {
    assertEquals("run-1#123456789012#eu-west-1", RunManifest.unitIdOf("run-1", TARGET));
  }

  @Test
  void equalCollectionsGiveEqualManifests() {
    var vault = new InMemoryEvidenceVault();
    var a = TestManifests.stored(vault, "run-1", TARGET, 4);
    var b = TestManifests.stored(vault, "run-1", TARGET, 4);

    assertEquals(a.sha256(), b.sha256());
    assertEquals(4, vault.size());
  }
}
