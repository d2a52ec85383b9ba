package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.finding.Finding;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=FINDING#<id>, SK=EVENT#<at>#<version>}, type {@code FindingEvent}: one entry of a
 * finding's history, written in the same transaction as the change it records. The version in
 * the key makes it unique, since every change of a finding increments the version.
 */
final class FindingEventItem extends TableItem {

  static final String TYPE = "FindingEvent";

  /** What happened to the finding. */
  enum Event {
    /** Opened by an automated check. */
    OPENED,
    /** Opened by an automated check on a subject whose earlier finding was closed. */
    REGRESSED,
    /** The subject was seen failing again after its evidence had recovered. */
    FAILING_AGAIN,
    /** The subject was seen passing: evidence recovered, effectiveness review pending. */
    EVIDENCE_RECOVERED,
    /** Created by a person or another source. */
    CREATED,
    /** Edited, still open (or edited again after closing). */
    UPDATED,
    /** Closed by this edit. */
    CLOSED
  }

  static final StaticTableSchema<FindingEventItem> SCHEMA =
      StaticTableSchema.builder(FindingEventItem.class)
          .newItemSupplier(FindingEventItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("findingId")
              .getter(FindingEventItem::getFindingId).setter(FindingEventItem::setFindingId))
          .addAttribute(String.class, a -> a.name("event")
              .getter(FindingEventItem::getEvent).setter(FindingEventItem::setEvent))
          .addAttribute(String.class, a -> a.name("status")
              .getter(FindingEventItem::getStatus).setter(FindingEventItem::setStatus))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(FindingEventItem::getVersion).setter(FindingEventItem::setVersion))
          .addAttribute(String.class, a -> a.name("at")
              .getter(FindingEventItem::getAt).setter(FindingEventItem::setAt))
          .build();

  private String findingId;
  private String event;
  private String status;
  private Long version;
  private String at;

  /** The history entry of {@code event} producing the stored state {@code f}, at {@code at}. */
  static FindingEventItem of(Finding f, Event event, Instant at) {
    var item = new FindingEventItem();
    item.at = Times.format(at);
    item.key(TYPE, Keys.finding(f.id().value()), Keys.event(item.at, f.version()));
    item.findingId = f.id().value();
    item.event = event.name();
    item.status = f.status().name();
    item.version = f.version();
    return item;
  }

  public String getFindingId() {
    return findingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }

  public String getEvent() {
    return event;
  }

  public void setEvent(String event) {
    this.event = event;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }
}
