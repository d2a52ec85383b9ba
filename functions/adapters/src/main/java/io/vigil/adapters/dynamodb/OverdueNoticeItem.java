package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=FINDING#<findingId>, SK=OVERDUE#<actionId>#<yyyy-MM-dd>}, type {@code OverdueNotice}:
 * the overdue notice of an action went out that day. Written with condition "absent", so the
 * notice goes out once per action per day. {@code expiresAt} (epoch seconds, {@value #KEEP_DAYS}
 * days after the day) lets DynamoDB's TTL delete it; TTL must be enabled on that attribute.
 */
final class OverdueNoticeItem extends TableItem {

  static final String TYPE = "OverdueNotice";
  static final long KEEP_DAYS = 90;

  static final StaticTableSchema<OverdueNoticeItem> SCHEMA =
      StaticTableSchema.builder(OverdueNoticeItem.class)
          .newItemSupplier(OverdueNoticeItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("findingId")
              .getter(OverdueNoticeItem::getFindingId).setter(OverdueNoticeItem::setFindingId))
          .addAttribute(String.class, a -> a.name("actionId")
              .getter(OverdueNoticeItem::getActionId).setter(OverdueNoticeItem::setActionId))
          .addAttribute(String.class, a -> a.name("day")
              .getter(OverdueNoticeItem::getDay).setter(OverdueNoticeItem::setDay))
          .addAttribute(String.class, a -> a.name("notedAt")
              .getter(OverdueNoticeItem::getNotedAt).setter(OverdueNoticeItem::setNotedAt))
          .addAttribute(Long.class, a -> a.name(VigilTable.EXPIRES_AT)
              .getter(OverdueNoticeItem::getExpiresAt).setter(OverdueNoticeItem::setExpiresAt))
          .build();

  private String findingId;
  private String actionId;
  private String day;
  private String notedAt;
  private Long expiresAt;

  static OverdueNoticeItem of(String findingId, String actionId, LocalDate day, Instant now) {
    var item = new OverdueNoticeItem();
    item.day = Times.format(day);
    item.key(TYPE, Keys.finding(findingId), Keys.overdue(actionId, item.day));
    item.findingId = findingId;
    item.actionId = actionId;
    item.notedAt = Times.format(now);
    var dayStart = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    item.expiresAt = (now.isAfter(dayStart) ? now : dayStart)
        .plus(Duration.ofDays(KEEP_DAYS)).getEpochSecond();
    return item;
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

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public String getNotedAt() {
    return notedAt;
  }

  public void setNotedAt(String notedAt) {
    this.notedAt = notedAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}
