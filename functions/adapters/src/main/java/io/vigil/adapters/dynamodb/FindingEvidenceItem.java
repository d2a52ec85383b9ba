package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=FINDING#<id>, SK=EVIDENCE}, type {@code FindingEvidence}: what the automated checks
 * last saw of an automated finding's subject: when it was last seen failing and, if a later run saw
 * it passing, when its evidence recovered. Kept apart from the {@code META} item on purpose: people
 * edit {@code META} under optimistic locking, automation writes this item, and neither can overwrite
 * the other's fields.
 */
final class FindingEvidenceItem extends TableItem {

  static final String TYPE = "FindingEvidence";
  static final String SK = "EVIDENCE";
  static final String LAST_SEEN_AT = "lastSeenAt";
  static final String EVIDENCE_RECOVERED_AT = "evidenceRecoveredAt";

  static final StaticTableSchema<FindingEvidenceItem> SCHEMA =
      StaticTableSchema.builder(FindingEvidenceItem.class)
          .newItemSupplier(FindingEvidenceItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("findingId")
              .getter(FindingEvidenceItem::getFindingId).setter(FindingEvidenceItem::setFindingId))
          .addAttribute(String.class, a -> a.name(LAST_SEEN_AT)
              .getter(FindingEvidenceItem::getLastSeenAt).setter(FindingEvidenceItem::setLastSeenAt))
          .addAttribute(String.class, a -> a.name(EVIDENCE_RECOVERED_AT)
              .getter(FindingEvidenceItem::getEvidenceRecoveredAt)
              .setter(FindingEvidenceItem::setEvidenceRecoveredAt))
          .build();

  private String findingId;
  private String lastSeenAt;
  private String evidenceRecoveredAt;

  static FindingEvidenceItem of(String findingId, Instant lastSeenAt, Instant recoveredAt) {
    var item = new FindingEvidenceItem();
    item.key(TYPE, Keys.finding(findingId), SK);
    item.findingId = findingId;
    item.lastSeenAt = Times.format(lastSeenAt);
    item.evidenceRecoveredAt = Times.format(recoveredAt);
    return item;
  }

  public String getFindingId() {
    return findingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }

  public String getLastSeenAt() {
    return lastSeenAt;
  }

  public void setLastSeenAt(String lastSeenAt) {
    this.lastSeenAt = lastSeenAt;
  }

  public String getEvidenceRecoveredAt() {
    return evidenceRecoveredAt;
  }

  public void setEvidenceRecoveredAt(String evidenceRecoveredAt) {
    this.evidenceRecoveredAt = evidenceRecoveredAt;
  }
}
