package io.vigil.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.VerificationReport.Kind;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryLedgerRepository;
import io.vigil.domain.fakes.TestManifests;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents (reports, SoA versions, manual evidence) are chained into the evidence ledger. */
class DocumentManifestTest {

  private final InMemoryLedgerRepository repository = new InMemoryLedgerRepository();
  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private final EvidenceLedger ledger = new EvidenceLedger(repository, vault, Clock.system());

  private DocumentManifest report(Sha256 html, Sha256 pdf) {
    return new DocumentManifest("performance-report", "management-review-2027-Q1",
        "Management review 2027-Q1", "vigil", Instant.parse("2027-04-01T06:00:00Z"),
        List.of(new DocumentManifest.Document(html, "management-review.html"),
            new DocumentManifest.Document(pdf, "management-review.pdf")));
  }

  private VerificationReport verify() {
    return new LedgerVerifier(repository, vault).verify();
  }

  @Test
  void aDocumentIsRecordedOnceAfterRunsAndTheWholeChainVerifies() {
    var run = TestManifests.stored(vault, "run-1", new ScanTarget("123456789012", "eu-west-1"),
        2);
    ledger.record(run);
    var html = vault.put("{\"html\":\"<p>report</p>\"}".getBytes(StandardCharsets.UTF_8));
    var pdf = vault.put("{\"pdf\":\"JVBERi0=\"}".getBytes(StandardCharsets.UTF_8));
    var entry = ledger.record(report(html, pdf));
    assertEquals(2, entry.sequence());
    assertEquals("document#performance-report#management-review-2027-Q1", entry.unitId());
    assertEquals("-", entry.accountId());
    assertEquals(entry, ledger.record(report(html, pdf)), "recorded once");
    var report = verify();
    assertTrue(report.intact(), report.summary());
    assertEquals(2, report.entries());

    var parsed = LedgerManifest.parse(report(html, pdf).canonicalBytes());
    assertEquals(report(html, pdf), parsed);
    assertArrayEquals(report(html, pdf).canonicalBytes(), parsed.canonicalBytes());
  }

  @Test
  void aModifiedOrMissingDocumentIsDetected() {
    var html = vault.put("{\"html\":\"<p>report</p>\"}".getBytes(StandardCharsets.UTF_8));
    var pdf = vault.put("{\"pdf\":\"JVBERi0=\"}".getBytes(StandardCharsets.UTF_8));
    ledger.record(report(html, pdf));
    vault.tamperOverwrite(pdf, "{\"pdf\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
    var modified = verify();
    assertFalse(modified.intact());
    assertEquals(Kind.EVIDENCE_MODIFIED, modified.problem().orElseThrow().kind());
    assertTrue(modified.problem().orElseThrow().message().contains("management-review.pdf"),
        modified.problem().orElseThrow().message());
    vault.tamperDelete(pdf);
    assertEquals(Kind.EVIDENCE_MISSING, verify().problem().orElseThrow().kind());
  }

  @Test
  void invalidManifestsAreRefused() {
    var sha = Sha256.of("x");
    assertThrows(IllegalArgumentException.class, () -> new DocumentManifest("audit#report", "1",
        "", "vigil", Instant.EPOCH, List.of(new DocumentManifest.Document(sha, "a"))));
    assertThrows(IllegalArgumentException.class, () -> new DocumentManifest("audit-report", "1",
        "", "vigil", Instant.EPOCH, List.of()));
    var bytes = report(sha, sha).canonicalBytes();
    var altered = new String(bytes, StandardCharsets.UTF_8).replace("\"documentCount\":2",
        "\"documentCount\":3").getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> LedgerManifest.parse(altered));
  }
}
