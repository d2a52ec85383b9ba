package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.finding.Finding;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=SUBJECT#<subject>, SK=OPEN_FINDING}, type {@code OpenFindingLock}: exists exactly
 * while an automated finding of the subject is open, and names it. Created with the finding in one
 * transaction (condition: absent), deleted in the transaction that closes it.
 */
final class OpenFindingLockItem extends TableItem {

  static final String TYPE = "OpenFindingLock";
  static final String FINDING_ID = "findingId";

  static final StaticTableSchema<OpenFindingLockItem> SCHEMA =
      StaticTableSchema.builder(OpenFindingLockItem.class)
          .newItemSupplier(OpenFindingLockItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name(FINDING_ID)
              .getter(OpenFindingLockItem::getFindingId).setter(OpenFindingLockItem::setFindingId))
          .addAttribute(String.class, a -> a.name("lockedAt")
              .getter(OpenFindingLockItem::getLockedAt).setter(OpenFindingLockItem::setLockedAt))
          .build();

  private String findingId;
  private String lockedAt;

  /** The lock that {@code f} (an automated finding) holds on its subject. */
  static OpenFindingLockItem of(Finding f) {
    var item = new OpenFindingLockItem();
    item.key(TYPE, Keys.subject(f.subjectKey()), Keys.OPEN_FINDING);
    item.findingId = f.id().value();
    item.lockedAt = Times.format(f.raisedAt());
    return item;
  }

  public String getFindingId() {
    return findingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }

  public String getLockedAt() {
    return lockedAt;
  }

  public void setLockedAt(String lockedAt) {
    this.lockedAt = lockedAt;
  }
}
