package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=SUBJECT#<subject>, SK=LAST_FINDING}, type {@code LastFinding}: the most recent automated
 * finding of a subject, open or closed. A failure after that finding was closed opens a new finding
 * linked to it (a regression), instead of silently starting a fresh history.
 */
final class LastFindingItem extends TableItem {

  static final String TYPE = "LastFinding";
  static final String SK = "LAST_FINDING";
  static final String FINDING_ID = "findingId";

  static final StaticTableSchema<LastFindingItem> SCHEMA =
      StaticTableSchema.builder(LastFindingItem.class)
          .newItemSupplier(LastFindingItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name(FINDING_ID)
              .getter(LastFindingItem::getFindingId).setter(LastFindingItem::setFindingId))
          .build();

  private String findingId;

  static LastFindingItem of(String subjectKey, String findingId) {
    var item = new LastFindingItem();
    item.key(TYPE, Keys.subject(subjectKey), SK);
    item.findingId = findingId;
    return item;
  }

  public String getFindingId() {
    return findingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }
}
