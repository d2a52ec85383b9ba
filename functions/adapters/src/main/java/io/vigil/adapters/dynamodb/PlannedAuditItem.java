package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.domain.audit.AuditPlan;
import java.time.LocalDate;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=AUDIT#<id>, SK=META}, type {@code Audit}: one audit of the programme. While PLANNED it
 * is listed on GSI1 under {@code AUDITS#PLANNED} by {@code <date>#<id>}; a cancelled audit has no
 * GSI1 keys (sparse index).
 */
final class PlannedAuditItem extends TableItem {

  static final String TYPE = "Audit";
  static final String PLANNED = "PLANNED";
  static final String CANCELLED = "CANCELLED";
  static final String AUDITS_PLANNED = "AUDITS#PLANNED";

  static final StaticTableSchema<PlannedAuditItem> SCHEMA =
      StaticTableSchema.builder(PlannedAuditItem.class)
          .newItemSupplier(PlannedAuditItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("auditId")
              .getter(PlannedAuditItem::getAuditId).setter(PlannedAuditItem::setAuditId))
          .addAttribute(String.class, a -> a.name("status")
              .getter(PlannedAuditItem::getStatus).setter(PlannedAuditItem::setStatus))
          .addAttribute(String.class, a -> a.name("date")
              .getter(PlannedAuditItem::getDate).setter(PlannedAuditItem::setDate))
          .addAttribute(String.class, a -> a.name("auditor")
              .getter(PlannedAuditItem::getAuditor).setter(PlannedAuditItem::setAuditor))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("items")
              .getter(PlannedAuditItem::getItems).setter(PlannedAuditItem::setItems))
          .addAttribute(String.class, a -> a.name("criteria")
              .getter(PlannedAuditItem::getCriteria).setter(PlannedAuditItem::setCriteria))
          .addAttribute(String.class, a -> a.name("scope")
              .getter(PlannedAuditItem::getScope).setter(PlannedAuditItem::setScope))
          .addAttribute(String.class, a -> a.name("method")
              .getter(PlannedAuditItem::getMethod).setter(PlannedAuditItem::setMethod))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(PlannedAuditItem::getVersion).setter(PlannedAuditItem::setVersion))
          .build();

  private String auditId;
  private String status;
  private String date;
  private String auditor;
  private List<String> items;
  private String criteria;
  private String scope;
  private String method;
  private Long version;

  static String pk(String auditId) {
    return "AUDIT#" + auditId;
  }

  static PlannedAuditItem planned(AuditPlan.PlannedAudit audit, long version) {
    var item = new PlannedAuditItem();
    item.key(TYPE, pk(audit.id()), Keys.META);
    item.auditId = audit.id();
    item.status = PLANNED;
    item.date = audit.date().toString();
    item.auditor = audit.auditor();
    item.items = audit.items();
    item.criteria = audit.criteria();
    item.scope = audit.scope();
    item.method = audit.method();
    item.version = version;
    item.setGsi1pk(AUDITS_PLANNED);
    item.setGsi1sk(item.date + "#" + audit.id());
    return item;
  }

  /** This audit, cancelled: out of the GSI1 listing, version + 1. */
  PlannedAuditItem cancelled() {
    var item = planned(toPlanned(), (version == null ? 0 : version) + 1);
    item.status = CANCELLED;
    item.setGsi1pk(null);
    item.setGsi1sk(null);
    return item;
  }

  boolean isPlanned() {
    return PLANNED.equals(status);
  }

  AuditPlan.PlannedAudit toPlanned() {
    return new AuditPlan.PlannedAudit(auditId, LocalDate.parse(date), auditor,
        items == null ? List.of() : items, criteria, scope, method);
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

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
