package io.vigil.domain.notification;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunSummary;
import io.vigil.domain.finding.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection run (or, with the SQS fan-out, one unit of it) completed (event
 * {@code Run Completed}). It lists up to {@link #MAX_FINDINGS} findings opened by it, so a digest
 * can report them in one message.
 */
public record RunCompleted(RunSummary summary, int dispatched, List<Finding> opened)
    implements DomainEvent {

  public static final int MAX_FINDINGS = 100;

  public RunCompleted {
    opened = List.copyOf(opened);
  }

  @Override
  public String detailType() {
    return "Run Completed";
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("runId", summary.runId());
    d.put("trigger", summary.trigger());
    d.put("targets", summary.targets());
    d.put("dispatched", dispatched);
    d.put("pass", summary.count(CheckStatus.PASS));
    d.put("fail", summary.count(CheckStatus.FAIL));
    d.put("error", summary.count(CheckStatus.ERROR));
    d.put("notApplicable", summary.count(CheckStatus.NOT_APPLICABLE));
    d.put("findingsOpened", summary.findingsOpened());
    d.put("findings", opened.stream().limit(MAX_FINDINGS).map(f -> {
      var m = new LinkedHashMap<String, Object>();
      m.put("findingId", f.id().value());
      m.put("title", f.title());
      m.put("severity", f.severity().label());
      Details.putIfPresent(m, "resourceArn", f.resourceArn());
      return m;
    }).toList());
    d.put("findingsTruncated", opened.size() > MAX_FINDINGS);
    Details.putIfPresent(d, "startedAt", summary.startedAt() == null ? null
        : summary.startedAt().toString());
    Details.putIfPresent(d, "completedAt", summary.completedAt() == null ? null
        : summary.completedAt().toString());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "run-completed:" + summary.runId();
  }
}
