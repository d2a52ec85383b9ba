package io.vigil.functions.summarizeperformance;

import io.vigil.domain.notification.DomainEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A periodic summary or management review pack is stored (event {@code Summary Ready}); consumers
 * de-duplicate on {@code summaryId}.
 *
 * @param summaryId {@code <kind>-<period>}, e.g. {@code management-review-2026-Q4}
 * @param url presigned GET URL of the HTML report
 * @param manifestSha256 address of the report manifest in the evidence vault
 */
public record SummaryReady(String summaryId, String period, String kind, String url,
    int controlsPassing, int controlsFailing, int findingsOpen, int actionsOverdue,
    String manifestSha256) implements DomainEvent {

  public static final String DETAIL_TYPE = "Summary Ready";

  public SummaryReady {
    Objects.requireNonNull(summaryId, "summaryId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
  }

  /** The id of the summary of {@code kind} for {@code period}. */
  public static String idOf(SummaryKind kind, String period) {
    return kind.id() + "-" + period;
  }

  @Override
  public String detailType() {
    return DETAIL_TYPE;
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("summaryId", summaryId);
    d.put("period", period);
    d.put("kind", kind);
    d.put("url", url);
    d.put("controlsPassing", controlsPassing);
    d.put("controlsFailing", controlsFailing);
    d.put("findingsOpen", findingsOpen);
    d.put("actionsOverdue", actionsOverdue);
    d.put("manifestSha256", manifestSha256);
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "summary-ready:" + summaryId;
  }
}
