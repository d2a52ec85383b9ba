package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.EventSequence;
import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=REGISTER#<KIND>, SK=EVENT#<id>#<at>#<sequence>}, type {@code RegisterEvent}: one
 * immutable history entry of a register record, written (condition: absent) in the same
 * transaction as the change it records. As with the findings' {@code EVENT} items, the sequence
 * (16 hex digits from a counter seeded at random per process) makes the key unique even for
 * entries of the same instant and keeps such entries in write order within a process.
 * Attributes: {@code register} (the register kind), {@code recordId}, {@code at}, {@code actor},
 * {@code kind} (the {@link RegisterEvent.Kind}), {@code fieldsChanged}, {@code note},
 * {@code version}.
 */
final class RegisterEventItem extends TableItem {

  static final String TYPE = "RegisterEvent";

  static final StaticTableSchema<RegisterEventItem> SCHEMA =
      StaticTableSchema.builder(RegisterEventItem.class)
          .newItemSupplier(RegisterEventItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("register")
              .getter(RegisterEventItem::getRegister).setter(RegisterEventItem::setRegister))
          .addAttribute(String.class, a -> a.name("recordId")
              .getter(RegisterEventItem::getRecordId).setter(RegisterEventItem::setRecordId))
          .addAttribute(String.class, a -> a.name("at")
              .getter(RegisterEventItem::getAt).setter(RegisterEventItem::setAt))
          .addAttribute(String.class, a -> a.name("actor")
              .getter(RegisterEventItem::getActor).setter(RegisterEventItem::setActor))
          .addAttribute(String.class, a -> a.name("kind")
              .getter(RegisterEventItem::getKind).setter(RegisterEventItem::setKind))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("fieldsChanged")
              .getter(RegisterEventItem::getFieldsChanged)
              .setter(RegisterEventItem::setFieldsChanged))
          .addAttribute(String.class, a -> a.name("note")
              .getter(RegisterEventItem::getNote).setter(RegisterEventItem::setNote))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(RegisterEventItem::getVersion).setter(RegisterEventItem::setVersion))
          .build();

  private String register;
  private String recordId;
  private String at;
  private String actor;
  private String kind;
  private List<String> fieldsChanged;
  private String note;
  private Long version;

  /** The item of {@code event} in the history of record {@code recordId} of {@code register}. */
  static RegisterEventItem of(RegisterKind register, String recordId, RegisterEvent event) {
    var item = new RegisterEventItem();
    item.at = Times.format(event.at());
    item.key(TYPE, Keys.register(register), Keys.registerEvent(recordId, item.at,
        EventSequence.next()));
    item.register = register.name();
    item.recordId = recordId;
    item.actor = event.actor();
    item.kind = event.kind().name();
    item.fieldsChanged = event.fieldsChanged().isEmpty() ? null : event.fieldsChanged();
    item.note = event.note().isEmpty() ? null : event.note();
    item.version = event.version();
    return item;
  }

  RegisterEvent toDomain() {
    return new RegisterEvent(Times.parseInstant(at), actor, RegisterEvent.Kind.valueOf(kind),
        fieldsChanged, note, version == null ? 0 : version);
  }

  public String getRegister() {
    return register;
  }

  public void setRegister(String register) {
    this.register = register;
  }

  public String getRecordId() {
    return recordId;
  }

  public void setRecordId(String recordId) {
    this.recordId = recordId;
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

  public List<String> getFieldsChanged() {
    return fieldsChanged;
  }

  public void setFieldsChanged(List<String> fieldsChanged) {
    this.fieldsChanged = fieldsChanged;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
