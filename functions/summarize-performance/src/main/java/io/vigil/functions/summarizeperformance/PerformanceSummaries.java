package io.vigil.functions.summarizeperformance;

import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One summary or management review pack, end to end: claim the (kind, period); measure the period
 * and store the results (for trends); build the report; render HTML, PDF and Markdown and store
 * each under {@code reports/<kind>/<period>/<sha256>.<ext>}; store the report manifest (canonical
 * JSON, {@code kind} {@code vigil.report-manifest}: period, kind, generation time, every file's key,
 * SHA-256 and size, the measures and highlights) in the evidence vault, so that the documents are
 * content-addressed and any change to them is detectable; link the HTML; publish
 * {@code Summary Ready}; complete the claim with the result. A re-delivered request for a
 * completed (kind, period) answers the stored result with {@code duplicate: true} and writes and
 * publishes nothing.
 *
 * <p>The claim lasts until the invocation's deadline. A copy of the request that arrives while
 * another invocation holds it fails with {@link ReportInProgressException} before doing anything,
 * so that Lambda retries it: the retry answers the stored result, or — when the holder crashed and
 * its lease has passed — produces the report. So two concurrent copies produce one report.
 *
 * <p>The event is published before the claim is completed: a crash between the two runs the
 * period again on the next delivery and may publish a second event for it (consumers
 * de-duplicate on {@code summaryId}); it never loses the event.
 */
public final class PerformanceSummaries {

  /** The {@code kind} of the manifest document. */
  public static final String MANIFEST_KIND = "vigil.report-manifest";

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceSummaries.class);

  private final PerformanceRecords records;
  private final ReportClaims claims;
  private final ReportObjects objects;
  private final EvidenceVault vault;
  private final ReportLinks links;
  private final DomainEventPublisher publisher;
  private final java.util.Optional<io.vigil.domain.evidence.EvidenceLedger> ledger;

  public PerformanceSummaries(PerformanceRecords records, ReportClaims claims,
      ReportObjects objects, EvidenceVault vault, ReportLinks links,
      DomainEventPublisher publisher) {
    this(records, claims, objects, vault, links, publisher, java.util.Optional.empty());
  }

  /**
   * @param ledger when present, the report manifest is chained into the evidence ledger as a
   *     document entry ({@code document#performance-report#<kind>-<period>-<manifest hash>}); the
   *     manifest lists every stored file's SHA-256
   */
  public PerformanceSummaries(PerformanceRecords records, ReportClaims claims,
      ReportObjects objects, EvidenceVault vault, ReportLinks links,
      DomainEventPublisher publisher,
      java.util.Optional<io.vigil.domain.evidence.EvidenceLedger> ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.records = Objects.requireNonNull(records, "records");
    this.claims = Objects.requireNonNull(claims, "claims");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.links = Objects.requireNonNull(links, "links");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** The object key of a document: {@code reports/<kind>/<period>/<sha256>.<ext>}. */
  public static String key(SummaryKind kind, String period, Sha256 sha256, ReportFormat format) {
    return "reports/" + kind.id() + "/" + period + "/" + sha256.hex() + "." + format.extension();
  }

  /**
   * Runs the request.
   *
   * @param leaseUntil the deadline of this invocation: the claim of the (kind, period) lasts
   *     until then
   * @return {@code {summaryId, kind, period, title, generatedAt, duplicate, manifestSha256,
   *     files: [{format, key, sha256, size, contentType}], url, urlExpiresAt, highlights,
   *     controlsPassing, controlsFailing, findingsOpen, actionsOverdue}}
   * @throws ReportInProgressException if another invocation is producing the (kind, period)
   */
  public Map<String, Object> run(SummaryRequest request, java.time.Instant leaseUntil) {
    var kind = request.kind();
    var period = request.period();
    var claim = claims.claim(kind, period.id(), leaseUntil);
    if (claim instanceof ReportClaims.Completed done) {
      LOG.info("{} {} was completed before: answering the stored result", kind, period);
      var stored = new LinkedHashMap<>(done.result());
      stored.put("duplicate", true);
      return stored;
    }
    if (claim instanceof ReportClaims.InProgress held) {
      throw new ReportInProgressException(kind, period.id(), held.leaseUntil());
    }
    var builder = records.builder();
    var results = builder.measure(period);
    var report = kind == SummaryKind.SUMMARY ? builder.summary(period, results)
        : builder.managementReview(period, results);
    var files = new ArrayList<Map<String, Object>>();
    String htmlKey = null;
    for (var format : ReportFormat.values()) {
      var bytes = format.render(report);
      var sha = Sha256.of(bytes);
      var key = key(kind, period.id(), sha, format);
      objects.put(key, bytes, sha.hex(), format.contentType());
      var file = new LinkedHashMap<String, Object>();
      file.put("format", format.extension());
      file.put("key", key);
      file.put("sha256", sha.hex());
      file.put("size", (long) bytes.length);
      file.put("contentType", format.contentType());
      files.add(file);
      if (format == ReportFormat.HTML) {
        htmlKey = key;
      }
    }
    var manifestSha = vault.put(CanonicalJson.bytes(manifest(kind, report, results, files)));
    ledger.ifPresent(l -> l.record(new io.vigil.domain.evidence.DocumentManifest(
        "performance-report", kind.id() + "-" + period.id() + "-"
            + manifestSha.hex().substring(0, 12), report.title(), "vigil", report.generatedAt(),
        java.util.List.of(new io.vigil.domain.evidence.DocumentManifest.Document(manifestSha,
            kind.id() + "-" + period.id() + "-manifest.json")))));
    var link = links.link(htmlKey);
    var controls = records.controlCounts();
    var summaryId = SummaryReady.idOf(kind, period.id());
    var event = new SummaryReady(summaryId, period.id(), kind.id(), link.url(),
        controls.passing(), controls.failing(), count(results, Measure.OPEN_FINDINGS),
        count(results, Measure.OVERDUE_ACTIONS), manifestSha.hex());

    var result = new LinkedHashMap<String, Object>();
    result.put("summaryId", summaryId);
    result.put("kind", kind.id());
    result.put("period", period.id());
    result.put("title", report.title());
    result.put("generatedAt", report.generatedAt().toString());
    result.put("duplicate", false);
    result.put("manifestSha256", manifestSha.hex());
    result.put("files", files);
    result.put("url", link.url());
    result.put("urlExpiresAt", link.expiresAt().toString());
    result.put("highlights", report.highlights());
    result.put("controlsPassing", controls.passing());
    result.put("controlsFailing", controls.failing());
    result.put("findingsOpen", event.findingsOpen());
    result.put("actionsOverdue", event.actionsOverdue());

    publisher.publish(List.of(event));
    claims.complete(kind, period.id(), result);
    LOG.info("{} {} stored: manifest {}, {} files", kind, period, manifestSha.hex(),
        files.size());
    return result;
  }

  /**
   * SnapStart priming: renders {@code sample} in every format, hashes the documents and the
   * manifest, presigns a link (computed locally, no request) and reads a claim key that never
   * exists. Stores, publishes and records nothing.
   */
  public void prime(SummaryKind kind, Report sample) {
    var files = new ArrayList<Map<String, Object>>();
    for (var format : ReportFormat.values()) {
      var bytes = format.render(sample);
      var sha = Sha256.of(bytes);
      var file = new LinkedHashMap<String, Object>();
      file.put("format", format.extension());
      file.put("key", key(kind, sample.period().id(), sha, format));
      file.put("sha256", sha.hex());
      file.put("size", (long) bytes.length);
      file.put("contentType", format.contentType());
      files.add(file);
    }
    Sha256.of(CanonicalJson.bytes(manifest(kind, sample, List.of(), files)));
    links.link((String) files.get(0).get("key"));
    claims.prime();
  }

  /** The manifest: canonical JSON, so that the same report always has the same address. */
  static Map<String, Object> manifest(SummaryKind kind, Report report,
      List<MeasureResult> results, List<Map<String, Object>> files) {
    var m = new LinkedHashMap<String, Object>();
    m.put("kind", MANIFEST_KIND);
    m.put("schemaVersion", 1);
    m.put("reportKind", kind.id());
    m.put("title", report.title());
    m.put("period", report.period().id());
    m.put("periodStart", report.period().start());
    m.put("periodLastDay", report.period().lastDay());
    m.put("generatedAt", report.generatedAt());
    m.put("files", files);
    m.put("highlights", report.highlights());
    var measures = new ArrayList<Map<String, Object>>();
    for (var r : results) {
      var entry = new LinkedHashMap<String, Object>();
      entry.put("measure", r.measure().id());
      entry.put("unit", r.measure().unit());
      entry.put("value", r.hasValue() ? BigDecimal.valueOf(r.value()) : null);
      var breakdown = new LinkedHashMap<String, Object>();
      r.breakdown().forEach((k, v) -> breakdown.put(k, BigDecimal.valueOf(v)));
      entry.put("breakdown", breakdown);
      entry.put("note", r.note());
      entry.put("measuredAt", r.measuredAt());
      measures.add(entry);
    }
    m.put("measures", measures);
    m.put("sections", report.sections().stream().map(Report.Section::heading).toList());
    return m;
  }

  private static int count(List<MeasureResult> results, Measure measure) {
    return results.stream().filter(r -> r.measure() == measure && r.hasValue())
        .mapToInt(r -> (int) Math.round(r.value())).findFirst().orElse(0);
  }
}
