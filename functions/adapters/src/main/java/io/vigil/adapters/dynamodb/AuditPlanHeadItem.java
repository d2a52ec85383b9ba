package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=PLAN, SK=CURRENT}, type {@code AuditPlan}: the current audit plan's hash (SHA-256 of
 * the canonical JSON of its audits), its period and the ids of its planned audits. An unchanged
 * plan is recognised by the hash and writes nothing.
 */
final class AuditPlanHeadItem extends TableItem {

  static final String TYPE = "AuditPlan";
  static final String PK = "PLAN";
  static final String SK = "CURRENT";

  static final StaticTableSchema<AuditPlanHeadItem> SCHEMA =
      StaticTableSchema.builder(AuditPlanHeadItem.class)
          .newItemSupplier(AuditPlanHeadItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("planHash")
              .getter(AuditPlanHeadItem::getPlanHash).setter(AuditPlanHeadItem::setPlanHash))
          .addAttribute(String.class, a -> a.name("from")
              .getter(AuditPlanHeadItem::getFrom).setter(AuditPlanHeadItem::setFrom))
          .addAttribute(String.class, a -> a.name("to")
              .getter(AuditPlanHeadItem::getTo).setter(AuditPlanHeadItem::setTo))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("auditIds")
              .getter(AuditPlanHeadItem::getAuditIds).setter(AuditPlanHeadItem::setAuditIds))
          .addAttribute(String.class, a -> a.name("savedAt")
              .getter(AuditPlanHeadItem::getSavedAt).setter(AuditPlanHeadItem::setSavedAt))
          .build();

  private String planHash;
  private String from;
  private String to;
  private List<String> auditIds;
  private String savedAt;

  static AuditPlanHeadItem of(String planHash, String from, String to, List<String> auditIds,
      String savedAt) {
    var item = new AuditPlanHeadItem();
    item.key(TYPE, PK, SK);
    item.planHash = planHash;
    item.from = from;
    item.to = to;
    item.auditIds = List.copyOf(auditIds);
    item.savedAt = savedAt;
    return item;
  }

  public String getPlanHash() {
    return planHash;
  }

  public void setPlanHash(String planHash) {
    this.planHash = planHash;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public List<String> getAuditIds() {
    return auditIds;
  }

  public void setAuditIds(List<String> auditIds) {
    this.auditIds = auditIds;
  }

  public String getSavedAt() {
    return savedAt;
  }

  public void setSavedAt(String savedAt) {
    this.savedAt = savedAt;
  }
}
