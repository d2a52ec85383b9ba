package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import java.time.LocalDate;
import java.time.ZoneOffset;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=NOTICE#<key>, SK=<yyyy-MM-dd>}, type {@code Notice}: notice {@code key} (e.g.
 * {@code policy-review#POL-1}) went out that day. Written with condition "absent", so a daily sweep
 * sends each notice once per day however often it runs. {@code expiresAt} (epoch seconds,
 * {@value #KEEP_DAYS} days after the start of the day, UTC) lets DynamoDB's TTL delete it.
 */
final class NoticeItem extends TableItem {

  static final String TYPE = "Notice";
  static final long KEEP_DAYS = 90;

  static final StaticTableSchema<NoticeItem> SCHEMA =
      StaticTableSchema.builder(NoticeItem.class)
          .newItemSupplier(NoticeItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("noticeKey")
              .getter(NoticeItem::getNoticeKey).setter(NoticeItem::setNoticeKey))
          .addAttribute(String.class, a -> a.name("day")
              .getter(NoticeItem::getDay).setter(NoticeItem::setDay))
          .addAttribute(Long.class, a -> a.name(VigilTable.EXPIRES_AT)
              .getter(NoticeItem::getExpiresAt).setter(NoticeItem::setExpiresAt))
          .build();

  private String noticeKey;
  private String day;
  private Long expiresAt;

  static NoticeItem of(String key, LocalDate day) {
    var item = new NoticeItem();
    item.day = Times.format(day);
    item.key(TYPE, Keys.notice(key), item.day);
    item.noticeKey = key;
    item.expiresAt = day.plusDays(KEEP_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    return item;
  }

  public String getNoticeKey() {
    return noticeKey;
  }

  public void setNoticeKey(String noticeKey) {
    this.noticeKey = noticeKey;
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}
