package io.vigil.domain.evidence;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest of one unit of a run (one account in one region): what was collected, listing every
 * result's verdict and the SHA-256 of its evidence. Stored in the vault as canonical JSON under its
 * own SHA-256 and chained into the {@link EvidenceLedger}, so that neither a verdict nor a piece of
 * evidence can change afterwards without {@link LedgerVerifier} noticing.
 *
 * <p>The canonical form (version {@value #SCHEMA_VERSION}): an object with {@code kind}
 * ({@value #KIND}), {@code schemaVersion}, {@code unitId}, {@code runId}, {@code trigger},
 * {@code accountId}, {@code region}, {@code partition}, {@code collectedAt} (ISO-8601),
 * {@code resultCount} and {@code results}: one object per result with {@code checkId},
 * {@code resourceArn}, {@code resourceType}, {@code accountId}, {@code region}, {@code status},
 * {@code observedAt}, {@code evidenceSha256} and {@code reason}, sorted by check id, then
 * resource ARN (then account, region, evidence hash, so that the order is total). Keys are sorted
 * and there is no white space ({@link CanonicalJson}), so equal manifests have equal bytes.
 *
 * @param unitId identifies the unit in its run, see {@link #unitIdOf}; recorded once
 * @param entries the results, in canonical order
 */
public record RunManifest(
    String unitId,
    String runId,
    String trigger,
    ScanTarget target,
    Instant collectedAt,
    List<Entry> entries) implements LedgerManifest {

  /** Version of the manifest layout; part of the hashed content. */
  public static final int SCHEMA_VERSION = 1;

  /** The {@code kind} of a manifest document. */
  public static final String KIND = "vigil.run-manifest";

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::checkId)
      .thenComparing(Entry::resourceArn)
      .thenComparing(Entry::accountId)
      .thenComparing(Entry::region)
      .thenComparing(e -> e.evidenceSha256().hex());

  /**
   * One listed result.
   *
   * @param evidenceSha256 address of the result's evidence in the vault
   */
  public record Entry(
      String checkId,
      String resourceArn,
      String resourceType,
      String accountId,
      String region,
      CheckStatus status,
      Instant observedAt,
      Sha256 evidenceSha256,
      String reason) {

    public Entry {
      Objects.requireNonNull(checkId, "checkId");
      Objects.requireNonNull(resourceArn, "resourceArn");
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(observedAt, "observedAt");
      Objects.requireNonNull(evidenceSha256, "evidenceSha256");
      reason = reason == null ? "" : reason;
    }

    /** The entry listing {@code result}. */
    public static Entry of(CheckResult result) {
      return new Entry(result.checkId().value(), result.resourceArn(), result.resourceType(),
          result.accountId(), result.region(), result.status(), result.observedAt(),
          result.evidenceSha256(), result.reason());
    }

    Map<String, Object> toMap() {
      var m = new LinkedHashMap<String, Object>();
      m.put("checkId", checkId);
      m.put("resourceArn", resourceArn);
      m.put("resourceType", resourceType);
      m.put("accountId", accountId);
      m.put("region", region);
      m.put("status", status);
      m.put("observedAt", observedAt);
      m.put("evidenceSha256", evidenceSha256.hex());
      m.put("reason", reason);
      return m;
    }
  }

  public RunManifest {
    requireText(unitId, "unitId");
    requireText(runId, "runId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(collectedAt, "collectedAt");
    trigger = trigger == null ? "" : trigger;
    var sorted = new ArrayList<>(Objects.requireNonNull(entries, "entries"));
    sorted.sort(ORDER);
    entries = List.copyOf(sorted);
  }

  /**
   * The manifest of one unit.
   *
   * @param unitId e.g. {@link #unitIdOf}{@code (runId, target)}: the same unit recorded again
   *     (a re-delivered message) gets no second ledger entry
   * @param trigger what started the run, e.g. {@code schedule:hourly}
   * @param collectedAt when the unit's collection started
   */
  public static RunManifest of(String unitId, String runId, String trigger, ScanTarget target,
      Instant collectedAt, List<CheckResult> results) {
    return new RunManifest(unitId, runId, trigger, target, collectedAt,
        results.stream().map(Entry::of).toList());
  }

  /** The id of the unit of run {@code runId} for {@code target}: {@code runId#account#region}. */
  public static String unitIdOf(String runId, ScanTarget target) {
    return runId + "#" + target.accountId() + "#" + target.region();
  }

  /** How many results the manifest lists. */
  public int resultCount() {
    return entries.size();
  }

  /** The manifest as the plain tree its canonical JSON is written from. */
  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("kind", KIND);
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("unitId", unitId);
    m.put("runId", runId);
    m.put("trigger", trigger);
    m.put("accountId", target.accountId());
    m.put("region", target.region());
    m.put("partition", target.partition());
    m.put("collectedAt", collectedAt);
    m.put("resultCount", entries.size());
    m.put("results", entries.stream().map(Entry::toMap).toList());
    return m;
  }

  @Override
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toMap());
  }

  @Override
  public String ledgerAccountId() {
    return target.accountId();
  }

  @Override
  public String ledgerRegion() {
    return target.region();
  }

  @Override
  public List<Listed> listed() {
    return entries.stream().map(e -> new Listed(e.evidenceSha256(), "check " + e.checkId()
        + ", resource " + e.resourceArn())).toList();
  }

  public Sha256 sha256() {
    return Sha256.of(canonicalBytes());
  }

  /**
   * Reads a manifest back from its canonical bytes.
   *
   * @throws IllegalArgumentException if the bytes are not a manifest of this schema version, or
   *     not in canonical form (reading and writing them again gives other bytes)
   */
  public static RunManifest parse(byte[] canonicalJson) {
    if (!(JsonReader.read(canonicalJson) instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("a manifest is a JSON object");
    }
    if (!KIND.equals(root.get("kind"))) {
      throw new IllegalArgumentException("not a run manifest: kind is " + root.get("kind"));
    }
    if (!Long.valueOf(SCHEMA_VERSION).equals(root.get("schemaVersion"))) {
      throw new IllegalArgumentException("unsupported manifest schema version "
          + root.get("schemaVersion"));
    }
    var entries = new ArrayList<Entry>();
    if (!(root.get("results") instanceof List<?> results)) {
      throw new IllegalArgumentException("a manifest lists its results in an array");
    }
    for (var r : results) {
      if (!(r instanceof Map<?, ?> item)) {
        throw new IllegalArgumentException("a manifest's result is a JSON object");
      }
      entries.add(new Entry(text(item, "checkId"), text(item, "resourceArn"),
          text(item, "resourceType"), text(item, "accountId"), text(item, "region"),
          CheckStatus.valueOf(text(item, "status")), instant(item, "observedAt"),
          new Sha256(text(item, "evidenceSha256")), text(item, "reason")));
    }
    var target = new ScanTarget(text(root, "accountId"), text(root, "region"),
        text(root, "partition"));
    var manifest = new RunManifest(text(root, "unitId"), text(root, "runId"),
        text(root, "trigger"), target, instant(root, "collectedAt"), entries);
    if (!Long.valueOf(entries.size()).equals(root.get("resultCount"))) {
      throw new IllegalArgumentException("the manifest says it lists " + root.get("resultCount")
          + " results but lists " + entries.size());
    }
    if (!Arrays.equals(manifest.canonicalBytes(), canonicalJson)) {
      throw new IllegalArgumentException("the manifest is not in canonical form");
    }
    return manifest;
  }

  private static String text(Map<?, ?> map, String key) {
    if (!(map.get(key) instanceof String s)) {
      throw new IllegalArgumentException("manifest field '" + key + "' is not a string");
    }
    return s;
  }

  private static Instant instant(Map<?, ?> map, String key) {
    try {
      return Instant.parse(text(map, key));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("manifest field '" + key + "' is not an ISO-8601 time",
          e);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a manifest needs its " + name);
    }
  }
}
