package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.FindingId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=FINDING#<findingId>, SK=ACTION#<actionId>}, type {@code CorrectiveAction}: one
 * corrective action of a finding, edited under optimistic locking ({@code version}).
 * {@code createdAt} (fixed-width time, set when the action is added and never changed) orders a
 * finding's actions in the order they were added.
 */
final class CorrectiveActionItem extends TableItem {

  static final String TYPE = "CorrectiveAction";

  static final StaticTableSchema<CorrectiveActionItem> SCHEMA =
      StaticTableSchema.builder(CorrectiveActionItem.class)
          .newItemSupplier(CorrectiveActionItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("findingId")
              .getter(CorrectiveActionItem::getFindingId)
              .setter(CorrectiveActionItem::setFindingId))
          .addAttribute(String.class, a -> a.name("actionId")
              .getter(CorrectiveActionItem::getActionId)
              .setter(CorrectiveActionItem::setActionId))
          .addAttribute(String.class, a -> a.name("description")
              .getter(CorrectiveActionItem::getDescription)
              .setter(CorrectiveActionItem::setDescription))
          .addAttribute(String.class, a -> a.name("owner")
              .getter(CorrectiveActionItem::getOwner).setter(CorrectiveActionItem::setOwner))
          .addAttribute(String.class, a -> a.name("dueDate")
              .getter(CorrectiveActionItem::getDueDate).setter(CorrectiveActionItem::setDueDate))
          .addAttribute(String.class, a -> a.name("status")
              .getter(CorrectiveActionItem::getStatus).setter(CorrectiveActionItem::setStatus))
          .addAttribute(String.class, a -> a.name("effectivenessCriteria")
              .getter(CorrectiveActionItem::getEffectivenessCriteria)
              .setter(CorrectiveActionItem::setEffectivenessCriteria))
          .addAttribute(String.class, a -> a.name("implementedBy")
              .getter(CorrectiveActionItem::getImplementedBy)
              .setter(CorrectiveActionItem::setImplementedBy))
          .addAttribute(String.class, a -> a.name("implementedAt")
              .getter(CorrectiveActionItem::getImplementedAt)
              .setter(CorrectiveActionItem::setImplementedAt))
          .addAttribute(String.class, a -> a.name("createdAt")
              .getter(CorrectiveActionItem::getCreatedAt)
              .setter(CorrectiveActionItem::setCreatedAt))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(CorrectiveActionItem::getVersion).setter(CorrectiveActionItem::setVersion))
          .build();

  private String findingId;
  private String actionId;
  private String description;
  private String owner;
  private String dueDate;
  private String status;
  private String effectivenessCriteria;
  private String implementedBy;
  private String implementedAt;
  private String createdAt;
  private Long version;

  /**
   * The item of {@code a}, stored with {@code version} and first added at {@code createdAt}.
   *
   * @throws IllegalArgumentException if its free text is too large for one item
   */
  static CorrectiveActionItem from(CorrectiveAction a, long version, String createdAt) {
    int textBytes = Stream.of(a.description(), a.owner(), a.effectivenessCriteria(),
            a.implementedBy())
        .mapToInt(s -> s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length).sum();
    if (textBytes > FindingItem.MAX_TEXT_BYTES) {
      throw new IllegalArgumentException("action " + a.id() + " has " + textBytes + " bytes of"
          + " text; at most " + FindingItem.MAX_TEXT_BYTES + " fit");
    }
    var item = new CorrectiveActionItem();
    item.key(TYPE, Keys.finding(a.findingId().value()), Keys.action(a.id()));
    item.findingId = a.findingId().value();
    item.actionId = a.id();
    item.description = a.description();
    item.owner = a.owner();
    item.dueDate = Times.format(a.dueDate());
    item.status = a.status().name();
    item.effectivenessCriteria = a.effectivenessCriteria();
    item.implementedBy = a.implementedBy();
    item.implementedAt = Times.format(a.implementedAt());
    item.createdAt = createdAt;
    item.version = version;
    return item;
  }

  static String createdAt(Instant at) {
    return Times.format(at);
  }

  CorrectiveAction toDomain() {
    return new CorrectiveAction(actionId, FindingId.of(findingId), description, owner,
        Times.parseDate(dueDate), ActionStatus.valueOf(status), effectivenessCriteria,
        implementedBy, Times.parseInstant(implementedAt), version == null ? 0 : version);
  }

  public String getFindingId() {
    return findingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }

  public String getActionId() {
    return actionId;
  }

  public void setActionId(String actionId) {
    this.actionId = actionId;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getDueDate() {
    return dueDate;
  }

  public void setDueDate(String dueDate) {
    this.dueDate = dueDate;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getEffectivenessCriteria() {
    return effectivenessCriteria;
  }

  public void setEffectivenessCriteria(String effectivenessCriteria) {
    this.effectivenessCriteria = effectivenessCriteria;
  }

  public String getImplementedBy() {
    return implementedBy;
  }

  public void setImplementedBy(String implementedBy) {
    this.implementedBy = implementedBy;
  }

  public String getImplementedAt() {
    return implementedAt;
  }

  public void setImplementedAt(String implementedAt) {
    this.implementedAt = implementedAt;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
