package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=LEDGERUNIT#<unitId>, SK=META}, type {@code LedgerUnit}: the unit has a ledger entry,
 * and which. Written (condition: absent) in the same transaction as the entry, so a unit is never
 * recorded twice.
 */
final class LedgerUnitItem extends TableItem {

  static final String TYPE = "LedgerUnit";

  static final StaticTableSchema<LedgerUnitItem> SCHEMA =
      StaticTableSchema.builder(LedgerUnitItem.class)
          .newItemSupplier(LedgerUnitItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("unitId")
              .getter(LedgerUnitItem::getUnitId).setter(LedgerUnitItem::setUnitId))
          .addAttribute(Long.class, a -> a.name("sequence")
              .getter(LedgerUnitItem::getSequence).setter(LedgerUnitItem::setSequence))
          .addAttribute(String.class, a -> a.name("entryHash")
              .getter(LedgerUnitItem::getEntryHash).setter(LedgerUnitItem::setEntryHash))
          .build();

  private String unitId;
  private Long sequence;
  private String entryHash;

  static LedgerUnitItem of(String unitId, long sequence, String entryHash) {
    var item = new LedgerUnitItem();
    item.key(TYPE, LedgerKeys.unit(unitId), LedgerKeys.META);
    item.unitId = unitId;
    item.sequence = sequence;
    item.entryHash = entryHash;
    return item;
  }

  public String getUnitId() {
    return unitId;
  }

  public void setUnitId(String unitId) {
    this.unitId = unitId;
  }

  public Long getSequence() {
    return sequence;
  }

  public void setSequence(Long sequence) {
    this.sequence = sequence;
  }

  public String getEntryHash() {
    return entryHash;
  }

  public void setEntryHash(String entryHash) {
    this.entryHash = entryHash;
  }
}
