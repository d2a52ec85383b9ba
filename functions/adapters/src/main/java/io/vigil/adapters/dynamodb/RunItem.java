package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunSummary;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=RUN#<runId>, SK=META}, type {@code Run}: a collection run (or unit), IN_PROGRESS once
 * claimed, with {@code claimedUntil} (epoch millis: the claiming invocation's deadline; absent on
 * items written before claims had one, and once a failed attempt released its claim), COMPLETED
 * with its summary (and no {@code claimedUntil}); listed on GSI1 under {@code RUNS} by start time.
 */
final class RunItem extends TableItem {

  static final String TYPE = "Run";
  static final String STATUS = "status";
  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String COMPLETED = "COMPLETED";
  static final String CLAIMED_UNTIL = "claimedUntil";

  static final StaticTableSchema<RunItem> SCHEMA = StaticTableSchema.builder(RunItem.class)
      .newItemSupplier(RunItem::new)
      .extend(TableItem.SCHEMA)
      .addAttribute(String.class, a -> a.name("runId")
          .getter(RunItem::getRunId).setter(RunItem::setRunId))
      .addAttribute(String.class, a -> a.name(STATUS)
          .getter(RunItem::getStatus).setter(RunItem::setStatus))
      .addAttribute(Long.class, a -> a.name(CLAIMED_UNTIL)
          .getter(RunItem::getClaimedUntil).setter(RunItem::setClaimedUntil))
      .addAttribute(String.class, a -> a.name("trigger")
          .getter(RunItem::getTrigger).setter(RunItem::setTrigger))
      .addAttribute(String.class, a -> a.name("startedAt")
          .getter(RunItem::getStartedAt).setter(RunItem::setStartedAt))
      .addAttribute(String.class, a -> a.name("completedAt")
          .getter(RunItem::getCompletedAt).setter(RunItem::setCompletedAt))
      .addAttribute(Integer.class, a -> a.name("targets")
          .getter(RunItem::getTargets).setter(RunItem::setTargets))
      .addAttribute(EnhancedType.mapOf(String.class, Integer.class), a -> a.name("counts")
          .getter(RunItem::getCounts).setter(RunItem::setCounts))
      .addAttribute(Integer.class, a -> a.name("findingsOpened")
          .getter(RunItem::getFindingsOpened).setter(RunItem::setFindingsOpened))
      .addAttribute(Integer.class, a -> a.name("evidenceObjects")
          .getter(RunItem::getEvidenceObjects).setter(RunItem::setEvidenceObjects))
      .build();

  private String runId;
  private String status;
  private Long claimedUntil;
  private String trigger;
  private String startedAt;
  private String completedAt;
  private Integer targets;
  private Map<String, Integer> counts;
  private Integer findingsOpened;
  private Integer evidenceObjects;

  /** A freshly claimed run, claimed until {@code claimedUntil} (null: released). */
  static RunItem started(String runId, String trigger, Instant startedAt, Instant claimedUntil) {
    var item = base(runId, trigger, startedAt);
    item.status = IN_PROGRESS;
    item.claimedUntil = claimedUntil == null ? null : claimedUntil.toEpochMilli();
    return item;
  }

  /** A completed run with its summary. */
  static RunItem completed(RunSummary summary) {
    var item = base(summary.runId(), summary.trigger(), summary.startedAt());
    item.status = COMPLETED;
    item.completedAt = Times.format(summary.completedAt());
    item.targets = summary.targets();
    var counts = new LinkedHashMap<String, Integer>();
    for (var s : CheckStatus.values()) {
      counts.put(s.name(), summary.count(s));
    }
    item.counts = counts;
    item.findingsOpened = summary.findingsOpened();
    item.evidenceObjects = summary.evidenceObjects();
    return item;
  }

  private static RunItem base(String runId, String trigger, Instant startedAt) {
    var item = new RunItem();
    item.key(TYPE, Keys.run(runId), Keys.META);
    item.runId = runId;
    item.trigger = trigger;
    item.startedAt = Times.format(startedAt);
    if (startedAt != null) {
      item.setGsi1pk(Keys.RUNS);
      item.setGsi1sk(item.startedAt + "#" + runId);
    }
    return item;
  }

  boolean isCompleted() {
    return COMPLETED.equals(status);
  }

  RunSummary toSummary() {
    var byStatus = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
    if (counts != null) {
      counts.forEach((k, v) -> byStatus.put(CheckStatus.valueOf(k), v));
    }
    return new RunSummary(runId, trigger, Times.parseInstant(startedAt),
        Times.parseInstant(completedAt), zeroIfNull(targets), byStatus, zeroIfNull(findingsOpened),
        zeroIfNull(evidenceObjects));
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getClaimedUntil() {
    return claimedUntil;
  }

  public void setClaimedUntil(Long claimedUntil) {
    this.claimedUntil = claimedUntil;
  }

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
    this.trigger = trigger;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public Integer getTargets() {
    return targets;
  }

  public void setTargets(Integer targets) {
    this.targets = targets;
  }

  public Map<String, Integer> getCounts() {
    return counts;
  }

  public void setCounts(Map<String, Integer> counts) {
    this.counts = counts;
  }

  public Integer getFindingsOpened() {
    return findingsOpened;
  }

  public void setFindingsOpened(Integer findingsOpened) {
    this.findingsOpened = findingsOpened;
  }

  public Integer getEvidenceObjects() {
    return evidenceObjects;
  }

  public void setEvidenceObjects(Integer evidenceObjects) {
    this.evidenceObjects = evidenceObjects;
  }
}
