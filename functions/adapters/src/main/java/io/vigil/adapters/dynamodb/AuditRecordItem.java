package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.ConclusionsJson;
import io.vigil.domain.audit.ItemConclusion;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.JsonReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=AUDIT#<id>, SK=META}, type {@code Audit}: one audit of the programme in any status,
 * listed on GSI1 under {@code AUDITS#<status>} by {@code <day>#<id>} (the day it took place once
 * started, else its planned date). The conclusions are one canonical-JSON attribute
 * ({@code conclusions}): they are always read and written with the audit.
 */
final class AuditRecordItem extends TableItem {

  static final String TYPE = "Audit";

  static final StaticTableSchema<AuditRecordItem> SCHEMA =
      StaticTableSchema.builder(AuditRecordItem.class)
          .newItemSupplier(AuditRecordItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("auditId")
              .getter(AuditRecordItem::getAuditId).setter(AuditRecordItem::setAuditId))
          .addAttribute(String.class, a -> a.name("status")
              .getter(AuditRecordItem::getStatus).setter(AuditRecordItem::setStatus))
          .addAttribute(String.class, a -> a.name("date")
              .getter(AuditRecordItem::getDate).setter(AuditRecordItem::setDate))
          .addAttribute(String.class, a -> a.name("auditor")
              .getter(AuditRecordItem::getAuditor).setter(AuditRecordItem::setAuditor))
          .addAttribute(String.class, a -> a.name("auditorEmail")
              .getter(AuditRecordItem::getAuditorEmail).setter(AuditRecordItem::setAuditorEmail))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("items")
              .getter(AuditRecordItem::getItems).setter(AuditRecordItem::setItems))
          .addAttribute(String.class, a -> a.name("criteria")
              .getter(AuditRecordItem::getCriteria).setter(AuditRecordItem::setCriteria))
          .addAttribute(String.class, a -> a.name("scope")
              .getter(AuditRecordItem::getScope).setter(AuditRecordItem::setScope))
          .addAttribute(String.class, a -> a.name("method")
              .getter(AuditRecordItem::getMethod).setter(AuditRecordItem::setMethod))
          .addAttribute(String.class, a -> a.name("startedAt")
              .getter(AuditRecordItem::getStartedAt).setter(AuditRecordItem::setStartedAt))
          .addAttribute(String.class, a -> a.name("startedBy")
              .getter(AuditRecordItem::getStartedBy).setter(AuditRecordItem::setStartedBy))
          .addAttribute(String.class, a -> a.name("completedAt")
              .getter(AuditRecordItem::getCompletedAt).setter(AuditRecordItem::setCompletedAt))
          .addAttribute(String.class, a -> a.name("completedBy")
              .getter(AuditRecordItem::getCompletedBy).setter(AuditRecordItem::setCompletedBy))
          .addAttribute(String.class, a -> a.name("summary")
              .getter(AuditRecordItem::getSummary).setter(AuditRecordItem::setSummary))
          .addAttribute(String.class, a -> a.name("reportSha256")
              .getter(AuditRecordItem::getReportSha256).setter(AuditRecordItem::setReportSha256))
          .addAttribute(String.class, a -> a.name("cancelledAt")
              .getter(AuditRecordItem::getCancelledAt).setter(AuditRecordItem::setCancelledAt))
          .addAttribute(String.class, a -> a.name("cancelledBy")
              .getter(AuditRecordItem::getCancelledBy).setter(AuditRecordItem::setCancelledBy))
          .addAttribute(String.class, a -> a.name("cancelReason")
              .getter(AuditRecordItem::getCancelReason).setter(AuditRecordItem::setCancelReason))
          .addAttribute(String.class, a -> a.name("conclusions")
              .getter(AuditRecordItem::getConclusions).setter(AuditRecordItem::setConclusions))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(AuditRecordItem::getVersion).setter(AuditRecordItem::setVersion))
          .build();

  private String auditId;
  private String status;
  private String date;
  private String auditor;
  private String auditorEmail;
  private List<String> items;
  private String criteria;
  private String scope;
  private String method;
  private String startedAt;
  private String startedBy;
  private String completedAt;
  private String completedBy;
  private String summary;
  private String reportSha256;
  private String cancelledAt;
  private String cancelledBy;
  private String cancelReason;
  private String conclusions;
  private Long version;

  static String pk(String auditId) {
    return "AUDIT#" + auditId;
  }

  /** GSI1 partition of the audits in {@code status}. */
  static String listing(AuditStatus status) {
    return "AUDITS#" + status.name();
  }

  static AuditRecordItem of(AuditRecord r) {
    var item = new AuditRecordItem();
    var plan = r.plan();
    item.key(TYPE, pk(plan.id()), Keys.META);
    item.auditId = plan.id();
    item.status = r.status().name();
    item.date = plan.date().toString();
    item.auditor = plan.auditor();
    item.auditorEmail = plan.auditorEmail();
    item.items = plan.items();
    item.criteria = plan.criteria();
    item.scope = plan.scope();
    item.method = plan.method();
    item.startedAt = Times.format(r.startedAt());
    item.startedBy = r.startedBy();
    item.completedAt = Times.format(r.completedAt());
    item.completedBy = r.completedBy();
    item.summary = r.summary();
    item.reportSha256 = r.reportSha256();
    item.cancelledAt = Times.format(r.cancelledAt());
    item.cancelledBy = r.cancelledBy();
    item.cancelReason = r.cancelReason();
    item.conclusions = r.conclusions().isEmpty() ? null : writeConclusions(r);
    item.version = r.version();
    item.setGsi1pk(listing(r.status()));
    item.setGsi1sk(r.day() + "#" + plan.id());
    return item;
  }

  boolean isPlanned() {
    return AuditStatus.PLANNED.name().equals(status);
  }

  AuditPlan.PlannedAudit toPlanned() {
    return new AuditPlan.PlannedAudit(auditId, LocalDate.parse(date), auditor, auditorEmail,
        items == null ? List.of() : items, criteria, scope, method);
  }

  AuditRecord toRecord() {
    return new AuditRecord(toPlanned(), AuditStatus.valueOf(status), instant(startedAt),
        startedBy, readConclusions(conclusions), instant(completedAt), completedBy, summary,
        reportSha256, instant(cancelledAt), cancelledBy, cancelReason,
        version == null ? 0 : version);
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  private static String writeConclusions(AuditRecord r) {
    return CanonicalJson.write(Map.of("conclusions",
        ConclusionsJson.write(r.conclusions().values())));
  }

  private static Map<String, ItemConclusion> readConclusions(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    var root = (Map<?, ?>) JsonReader.read(json.getBytes(StandardCharsets.UTF_8));
    return ConclusionsJson.read(root.get("conclusions"));
  }

  public String getAuditId() {
    return auditId;
  }

  public void setAuditId(String auditId) {
    this.auditId = auditId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getDate() {
    return date;
  }

  public void setDate(String date) {
    this.date = date;
  }

  public String getAuditor() {
    return auditor;
  }

  public void setAuditor(String auditor) {
    this.auditor = auditor;
  }

  public String getAuditorEmail() {
    return auditorEmail;
  }

  public void setAuditorEmail(String auditorEmail) {
    this.auditorEmail = auditorEmail;
  }

  public List<String> getItems() {
    return items;
  }

  public void setItems(List<String> items) {
    this.items = items;
  }

  public String getCriteria() {
    return criteria;
  }

  public void setCriteria(String criteria) {
    this.criteria = criteria;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public void setStartedBy(String startedBy) {
    this.startedBy = startedBy;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public String getCompletedBy() {
    return completedBy;
  }

  public void setCompletedBy(String completedBy) {
    this.completedBy = completedBy;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getReportSha256() {
    return reportSha256;
  }

  public void setReportSha256(String reportSha256) {
    this.reportSha256 = reportSha256;
  }

  public String getCancelledAt() {
    return cancelledAt;
  }

  public void setCancelledAt(String cancelledAt) {
    this.cancelledAt = cancelledAt;
  }

  public String getCancelledBy() {
    return cancelledBy;
  }

  public void setCancelledBy(String cancelledBy) {
    this.cancelledBy = cancelledBy;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }

  public String getConclusions() {
    return conclusions;
  }

  public void setConclusions(String conclusions) {
    this.conclusions = conclusions;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
