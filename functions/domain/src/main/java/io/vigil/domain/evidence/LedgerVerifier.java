package io.vigil.domain.evidence;

import io.vigil.domain.evidence.VerificationReport.Kind;
import io.vigil.domain.evidence.VerificationReport.Problem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the evidence ledger end to end, trusting nothing that is stored: walks the chain from
 * the first entry, recomputes each entry's hash and its link to the previous entry, checks that
 * sequences are gapless and that each item sits under its own sequence, compares the last entry
 * with the head pointer (so that entries cut off the end show), reads each manifest from the vault
 * and recomputes its hash, checks that it says what its entry says, and reads every evidence
 * object it lists and recomputes that object's hash. Stops at the first problem and names it
 * precisely ({@link VerificationReport.Problem}).
 *
 * <p>Tampering is told apart from an outage: a vault or store that cannot be reached throws (the
 * caller reports a failure to verify), while content that is missing or does not match its hash is
 * a problem in the report. Entries appended while verification runs are verified too.
 *
 * <p>What it cannot see: someone able to rewrite every entry from some point on, the head
 * included, with correctly recomputed hashes. Anchoring the head hash outside the table (e.g.
 * periodically sealed in Object Lock) closes that gap.
 */
public final class LedgerVerifier {

  /** Hears about progress, e.g. to print it. */
  @FunctionalInterface
  public interface Listener {
    /** {@code entry} and everything it lists was verified; totals so far. */
    void verified(LedgerEntry entry, int entries, int objects);

    /** A listener that ignores everything. */
    static Listener none() {
      return (entry, entries, objects) -> { };
    }
  }

  private static final int MAX_CATCH_UPS = 5;

  private final LedgerRepository repository;
  private final EvidenceVault vault;
  private final Function<Sha256, String> locator;

  /** A verifier naming vault objects by their SHA-256. */
  public LedgerVerifier(LedgerRepository repository, EvidenceVault vault) {
    this(repository, vault, address -> "sha256:" + address.hex());
  }

  /**
   * A verifier naming vault objects through {@code locator} (e.g. their S3 URL).
   *
   * @param locator where the vault object of an address is stored, for messages
   */
  public LedgerVerifier(LedgerRepository repository, EvidenceVault vault,
      Function<Sha256, String> locator) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  /** Verifies the whole ledger. */
  public VerificationReport verify() {
    return verify(Listener.none());
  }

  /**
   * Verifies the whole ledger, telling {@code listener} about each verified entry.
   *
   * @throws RuntimeException if the store or the vault cannot be read (not a verdict on the
   *     ledger: nothing could be concluded)
   */
  public VerificationReport verify(Listener listener) {
    return new Walk(Objects.requireNonNull(listener, "listener")).run();
  }

  /** The state of one verification. */
  private final class Walk {

    private final Listener listener;
    private final Set<Sha256> objects = new HashSet<>();
    private final Map<String, Long> units = new HashMap<>();
    private LedgerEntry last;
    private int entries;
    private int manifests;

    Walk(Listener listener) {
      this.listener = listener;
    }

    VerificationReport run() {
      for (int round = 0; ; round++) {
        long before = last == null ? 0 : last.sequence();
        var problem = walkFrom(before);
        if (problem.isPresent()) {
          return report(problem);
        }
        var head = repository.head();
        long after = last == null ? 0 : last.sequence();
        if (head.isEmpty()) {
          return report(last == null ? Optional.empty() : Optional.of(headMissing()));
        }
        var h = head.get();
        if (h.sequence() == after) {
          return report(h.equals(last) ? Optional.empty() : Optional.of(headDiffers(h)));
        }
        if (h.sequence() < after) {
          return report(Optional.of(headBehind(h)));
        }
        // the head is ahead: entries appended meanwhile, unless the end was cut off
        if (after == before && round > 0 || round >= MAX_CATCH_UPS) {
          return report(Optional.of(truncated(h)));
        }
      }
    }

    private Optional<Problem> walkFrom(long sequence) {
      try (var stored = repository.entriesAfter(sequence)) {
        var it = stored.iterator();
        while (it.hasNext()) {
          var problem = check(it.next());
          if (problem.isPresent()) {
            return problem;
          }
        }
        return Optional.empty();
      } catch (EvidenceIntegrityException e) {
        long at = expectedSequence();
        return Optional.of(new Problem(Kind.ENTRY_UNREADABLE, at, null, e.location(), null, null,
            "ledger entry " + at + " cannot be read: " + e.getMessage() + "; it was modified"));
      }
    }

    private long expectedSequence() {
      return last == null ? LedgerEntry.FIRST_SEQUENCE : last.sequence() + 1;
    }

    private Optional<Problem> check(LedgerRepository.Stored stored) {
      long expected = expectedSequence();
      var e = stored.entry();
      if (stored.keySequence() != expected) {
        return Optional.of(new Problem(Kind.ENTRY_MISSING, expected, null,
            repository.locate(expected), Long.toString(expected),
            Long.toString(stored.keySequence()), "ledger entry " + expected + " is missing (at "
            + repository.locate(expected) + "): " + (last == null ? "the ledger starts"
            : "entry " + last.sequence() + " is followed") + " by entry " + stored.keySequence()
            + "; it was deleted"));
      }
      if (e.sequence() != stored.keySequence()) {
        return Optional.of(new Problem(Kind.ENTRY_MISPLACED, expected, e.unitId(),
            repository.locate(expected), Long.toString(expected), Long.toString(e.sequence()),
            "ledger item " + repository.locate(expected) + " holds entry " + e.sequence()
            + " (unit " + e.unitId() + ") instead of entry " + expected
            + ": ledger items were moved or swapped"));
      }
      var computed = e.computeHash();
      if (!computed.equals(e.entryHash())) {
        return Optional.of(new Problem(Kind.ENTRY_MODIFIED, expected, e.unitId(),
            repository.locate(expected), e.entryHash().hex(), computed.hex(),
            "ledger " + e.describe() + " at " + repository.locate(expected)
            + " was modified: its fields hash to " + computed + ", not to its recorded hash "
            + e.entryHash()));
      }
      var previous = last == null ? LedgerEntry.GENESIS : last.entryHash();
      if (!previous.equals(e.previousHash())) {
        return Optional.of(new Problem(Kind.BROKEN_LINK, expected, e.unitId(),
            repository.locate(expected), previous.hex(), e.previousHash().hex(),
            "ledger " + e.describe() + " does not link to "
            + (last == null ? "the genesis hash" : "entry " + last.sequence()) + ": its previous"
            + " hash is " + e.previousHash() + ", expected " + previous + "; "
            + (last == null ? "it was modified" : "entry " + last.sequence() + " or "
            + e.sequence() + " was rewritten")));
      }
      var earlier = units.putIfAbsent(e.unitId(), e.sequence());
      if (earlier != null) {
        return Optional.of(new Problem(Kind.DUPLICATE_UNIT, expected, e.unitId(),
            repository.locate(expected), Long.toString(earlier), Long.toString(e.sequence()),
            "unit " + e.unitId() + " is recorded twice: by entry " + earlier + " and by entry "
            + e.sequence()));
      }
      var problem = checkManifest(e);
      if (problem.isPresent()) {
        return problem;
      }
      last = e;
      entries++;
      listener.verified(e, entries, manifests + objects.size());
      return Optional.empty();
    }

    private Optional<Problem> checkManifest(LedgerEntry e) {
      var address = e.manifestHash();
      var where = locator.apply(address);
      var of = "the manifest of ledger " + e.describe() + " (" + where + ")";
      byte[] bytes;
      try {
        var found = vault.get(address);
        if (found.isEmpty()) {
          return Optional.of(new Problem(Kind.MANIFEST_MISSING, e.sequence(), e.unitId(), where,
              address.hex(), null, of + " is missing"));
        }
        bytes = found.get();
      } catch (EvidenceIntegrityException tampered) {
        return Optional.of(modified(Kind.MANIFEST_MODIFIED, e, where, address,
            tampered.actual(), of));
      }
      var actual = Sha256.of(bytes);
      if (!actual.equals(address)) {
        return Optional.of(modified(Kind.MANIFEST_MODIFIED, e, where, address, actual, of));
      }
      LedgerManifest manifest;
      try {
        manifest = LedgerManifest.parse(bytes);
      } catch (IllegalArgumentException | NullPointerException unreadable) {
        return Optional.of(new Problem(Kind.MANIFEST_MISMATCH, e.sequence(), e.unitId(), where,
            null, null, of + " cannot be read: " + unreadable.getMessage()));
      }
      var disagreement = disagreement(e, manifest);
      if (disagreement != null) {
        return Optional.of(new Problem(Kind.MANIFEST_MISMATCH, e.sequence(), e.unitId(), where,
            null, null, of + " does not say what its entry says: " + disagreement));
      }
      manifests++;
      for (var listed : manifest.listed()) {
        var problem = checkEvidence(e, listed);
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }

    private Optional<Problem> checkEvidence(LedgerEntry e, LedgerManifest.Listed listed) {
      var address = listed.address();
      if (objects.contains(address)) {
        return Optional.empty();
      }
      var where = locator.apply(address);
      var of = "evidence object " + where + " (" + listed.description() + ", listed by ledger "
          + e.describe() + ")";
      byte[] bytes;
      try {
        var found = vault.get(address);
        if (found.isEmpty()) {
          return Optional.of(new Problem(Kind.EVIDENCE_MISSING, e.sequence(), e.unitId(), where,
              address.hex(), null, of + " is missing"));
        }
        bytes = found.get();
      } catch (EvidenceIntegrityException tampered) {
        return Optional.of(modified(Kind.EVIDENCE_MODIFIED, e, where, address,
            tampered.actual(), of));
      }
      var actual = Sha256.of(bytes);
      if (!actual.equals(address)) {
        return Optional.of(modified(Kind.EVIDENCE_MODIFIED, e, where, address, actual, of));
      }
      objects.add(address);
      return Optional.empty();
    }

    private Problem modified(Kind kind, LedgerEntry e, String where, Sha256 expected,
        Sha256 actual, String of) {
      return new Problem(kind, e.sequence(), e.unitId(), where, expected.hex(),
          actual == null ? null : actual.hex(), of + " was modified: its content hashes to "
          + (actual == null ? "another value" : actual.hex()) + ", expected " + expected);
    }

    private Problem headMissing() {
      return new Problem(Kind.HEAD_MISMATCH, last.sequence(), last.unitId(), null,
          last.entryHash().hex(), null, "the ledger's head pointer is missing although the"
          + " chain goes up to entry " + last.sequence() + ": it was deleted");
    }

    private Problem headDiffers(LedgerEntry head) {
      return new Problem(Kind.HEAD_MISMATCH, head.sequence(), head.unitId(), null,
          last.entryHash().hex(), head.entryHash().hex(), "the ledger's head pointer differs"
          + " from " + last.describe() + " (head hash " + head.entryHash() + ", entry hash "
          + last.entryHash() + "): the head or the last entry was modified");
    }

    private Problem headBehind(LedgerEntry head) {
      return new Problem(Kind.HEAD_MISMATCH, head.sequence(), head.unitId(), null,
          Long.toString(last.sequence()), Long.toString(head.sequence()), "the ledger's head"
          + " pointer names entry " + head.sequence() + " but the chain goes up to entry "
          + last.sequence() + ": the head was moved back");
    }

    private Problem truncated(LedgerEntry head) {
      long missing = last == null ? LedgerEntry.FIRST_SEQUENCE : last.sequence() + 1;
      return new Problem(Kind.ENTRY_MISSING, missing, null, repository.locate(missing),
          Long.toString(head.sequence()), Long.toString(missing - 1), "ledger entry " + missing
          + " is missing (at " + repository.locate(missing) + "): the head names entry "
          + head.sequence() + " (unit " + head.unitId() + ") but the chain "
          + (last == null ? "is empty" : "ends at entry " + last.sequence())
          + "; entries were deleted from its end");
    }

    private VerificationReport report(Optional<Problem> problem) {
      return new VerificationReport(entries, manifests, objects.size(), problem);
    }
  }

  /** The first field in which {@code m} and {@code e} disagree, or null if they agree. */
  private static String disagreement(LedgerEntry e, LedgerManifest m) {
    if (!m.unitId().equals(e.unitId())) {
      return "unit " + m.unitId() + " vs " + e.unitId();
    }
    if (!m.runId().equals(e.runId())) {
      return "run " + m.runId() + " vs " + e.runId();
    }
    if (!m.ledgerAccountId().equals(e.accountId())) {
      return "account " + m.ledgerAccountId() + " vs " + e.accountId();
    }
    if (!m.ledgerRegion().equals(e.region())) {
      return "region " + m.ledgerRegion() + " vs " + e.region();
    }
    if (!m.collectedAt().equals(e.collectedAt())) {
      return "collected at " + m.collectedAt() + " vs " + e.collectedAt();
    }
    if (m.resultCount() != e.resultCount()) {
      return m.resultCount() + " results vs " + e.resultCount();
    }
    return null;
  }
}
