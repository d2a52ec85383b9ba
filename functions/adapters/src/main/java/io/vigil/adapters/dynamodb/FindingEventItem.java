package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.EventSequence;
import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=FINDING#<id>, SK=EVENT#<at>#<sequence>}, type {@code FindingEvent}: one immutable
 * {@link HistoryEntry} of a finding, written (condition: absent) in the same transaction as the
 * change it records. The sequence, 16 hex digits from a counter seeded at random per process,
 * makes the key unique even for entries of the same instant, and keeps such entries in write
 * order within a process.
 *
 * <p>Items written before the history carried actors hold only {@code event} and {@code status};
 * they read as entries by {@code vigil} of the matching kind.
 */
final class FindingEventItem extends TableItem {

  static final String TYPE = "FindingEvent";

  static final StaticTableSchema<FindingEventItem> SCHEMA =
      StaticTableSchema.builder(FindingEventItem.class)
          .newItemSupplier(FindingEventItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("findingId")
              .getter(FindingEventItem::getFindingId).setter(FindingEventItem::setFindingId))
          .addAttribute(String.class, a -> a.name("at")
              .getter(FindingEventItem::getAt).setter(FindingEventItem::setAt))
          .addAttribute(String.class, a -> a.name("actor")
              .getter(FindingEventItem::getActor).setter(FindingEventItem::setActor))
          .addAttribute(String.class, a -> a.name("kind")
              .getter(FindingEventItem::getKind).setter(FindingEventItem::setKind))
          .addAttribute(String.class, a -> a.name("from")
              .getter(FindingEventItem::getFrom).setter(FindingEventItem::setFrom))
          .addAttribute(String.class, a -> a.name("to")
              .getter(FindingEventItem::getTo).setter(FindingEventItem::setTo))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("fieldsChanged")
              .getter(FindingEventItem::getFieldsChanged)
              .setter(FindingEventItem::setFieldsChanged))
          .addAttribute(String.class, a -> a.name("actionId")
              .getter(FindingEventItem::getActionId).setter(FindingEventItem::setActionId))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(FindingEventItem::getVersion).setter(FindingEventItem::setVersion))
          .addAttribute(String.class, a -> a.name("event")
              .getter(FindingEventItem::getEvent).setter(FindingEventItem::setEvent))
          .addAttribute(String.class, a -> a.name("status")
              .getter(FindingEventItem::getStatus).setter(FindingEventItem::setStatus))
          .build();

  private String findingId;
  private String at;
  private String actor;
  private String kind;
  private String from;
  private String to;
  private List<String> fieldsChanged;
  private String actionId;
  private Long version;
  /** Legacy: the event of items written before {@code kind}. */
  private String event;
  /** Legacy: the status after the event, before {@code to}. */
  private String status;

  /** The item of {@code entry} in the history of finding {@code findingId}. */
  static FindingEventItem of(FindingId findingId, HistoryEntry entry) {
    var item = new FindingEventItem();
    item.at = Times.format(entry.at());
    item.key(TYPE, Keys.finding(findingId.value()), Keys.event(item.at,
        EventSequence.next()));
    item.findingId = findingId.value();
    item.actor = entry.actor();
    item.kind = entry.kind().name();
    item.from = entry.from() == null ? null : entry.from().name();
    item.to = entry.to() == null ? null : entry.to().name();
    item.fieldsChanged = entry.fieldsChanged();
    item.actionId = entry.actionId();
    item.version = entry.version();
    return item;
  }

  HistoryEntry toDomain() {
    var k = kind != null ? HistoryEntry.Kind.valueOf(kind) : legacyKind(event);
    var after = to != null ? to : status;
    return new HistoryEntry(Times.parseInstant(at), actor == null ? "vigil" : actor, k,
        from == null ? null : FindingStatus.valueOf(from),
        after == null ? null : FindingStatus.valueOf(after), fieldsChanged, actionId,
        version == null ? 0 : version);
  }

  private static HistoryEntry.Kind legacyKind(String event) {
    if (event == null) {
      return HistoryEntry.Kind.EDITED;
    }
    return switch (event) {
      case "OPENED", "REGRESSED" -> HistoryEntry.Kind.OPENED_BY_CHECK;
      case "FAILING_AGAIN" -> HistoryEntry.Kind.FAILING_AGAIN;
      case "EVIDENCE_RECOVERED" -> HistoryEntry.Kind.EVIDENCE_RECOVERED;
      case "CREATED" -> HistoryEntry.Kind.CREATED;
      case "CLOSED" -> HistoryEntry.Kind.TRANSITION;
      default -> HistoryEntry.Kind.EDITED;
    };
  }

  public String getFindingId() {
    return findingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
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

  public List<String> getFieldsChanged() {
    return fieldsChanged;
  }

  public void setFieldsChanged(List<String> fieldsChanged) {
    this.fieldsChanged = fieldsChanged;
  }

  public String getActionId() {
    return actionId;
  }

  public void setActionId(String actionId) {
    this.actionId = actionId;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
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
}
