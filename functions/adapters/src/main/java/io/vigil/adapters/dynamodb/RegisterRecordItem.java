package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=REGISTER#<KIND>, SK=RECORD#<id>}, type {@code RegisterRecord}: one record of an ISMS
 * register. Its {@code fields} and {@code system} values are each one canonical-JSON attribute
 * ({@link RegisterJson}), always read and written with the record; together they may take at most
 * {@value #MAX_VALUES_BYTES} bytes, so the item stays below DynamoDB's 400 KB. {@code version}
 * counts the stored edits (optimistic locking).
 */
final class RegisterRecordItem extends TableItem {

  static final String TYPE = "RegisterRecord";

  /** Most UTF-8 bytes the JSON of a record's fields and system values may take together. */
  static final int MAX_VALUES_BYTES = 350 * 1024;

  static final StaticTableSchema<RegisterRecordItem> SCHEMA =
      StaticTableSchema.builder(RegisterRecordItem.class)
          .newItemSupplier(RegisterRecordItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("kind")
              .getter(RegisterRecordItem::getKind).setter(RegisterRecordItem::setKind))
          .addAttribute(String.class, a -> a.name("recordId")
              .getter(RegisterRecordItem::getRecordId).setter(RegisterRecordItem::setRecordId))
          .addAttribute(String.class, a -> a.name("fields")
              .getter(RegisterRecordItem::getFields).setter(RegisterRecordItem::setFields))
          .addAttribute(String.class, a -> a.name("system")
              .getter(RegisterRecordItem::getSystem).setter(RegisterRecordItem::setSystem))
          .addAttribute(String.class, a -> a.name("createdAt")
              .getter(RegisterRecordItem::getCreatedAt).setter(RegisterRecordItem::setCreatedAt))
          .addAttribute(String.class, a -> a.name("createdBy")
              .getter(RegisterRecordItem::getCreatedBy).setter(RegisterRecordItem::setCreatedBy))
          .addAttribute(String.class, a -> a.name("updatedAt")
              .getter(RegisterRecordItem::getUpdatedAt).setter(RegisterRecordItem::setUpdatedAt))
          .addAttribute(String.class, a -> a.name("updatedBy")
              .getter(RegisterRecordItem::getUpdatedBy).setter(RegisterRecordItem::setUpdatedBy))
          .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
              .getter(RegisterRecordItem::getVersion).setter(RegisterRecordItem::setVersion))
          .build();

  private String kind;
  private String recordId;
  private String fields;
  private String system;
  private String createdAt;
  private String createdBy;
  private String updatedAt;
  private String updatedBy;
  private Long version;

  /**
   * The item of {@code r} stored at {@code version}.
   *
   * @throws IllegalArgumentException if its fields and system values are too large to store
   */
  static RegisterRecordItem of(RegisterRecord r, long version) {
    var item = new RegisterRecordItem();
    item.key(TYPE, Keys.register(r.kind()), Keys.registerRecord(r.id()));
    item.kind = r.kind().name();
    item.recordId = r.id();
    item.fields = RegisterJson.write(r.fields(), "fields");
    item.system = RegisterJson.write(r.system(), "system");
    long size = (long) item.fields.getBytes(StandardCharsets.UTF_8).length
        + item.system.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_VALUES_BYTES) {
      throw new IllegalArgumentException(r.kind().path() + " record " + r.id() + " is too large"
          + " to store: its fields and system values take " + size + " bytes as JSON, more than"
          + " the " + MAX_VALUES_BYTES + " (350 KB) a register record may take (a DynamoDB item"
          + " holds at most 400 KB). Shorten its texts or lists, or keep large content as a"
          + " document in the evidence vault and refer to it. Nothing was stored.");
    }
    item.createdAt = Times.format(r.createdAt());
    item.createdBy = r.createdBy();
    item.updatedAt = Times.format(r.updatedAt());
    item.updatedBy = r.updatedBy();
    item.version = version;
    return item;
  }

  RegisterRecord toDomain() {
    var k = RegisterKind.valueOf(kind);
    return new RegisterRecord(k, recordId, RegisterJson.readFields(k, fields),
        RegisterJson.readSystem(system), Times.parseInstant(createdAt), createdBy,
        Times.parseInstant(updatedAt), updatedBy, version == null ? 0 : version);
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getRecordId() {
    return recordId;
  }

  public void setRecordId(String recordId) {
    this.recordId = recordId;
  }

  public String getFields() {
    return fields;
  }

  public void setFields(String fields) {
    this.fields = fields;
  }

  public String getSystem() {
    return system;
  }

  public void setSystem(String system) {
    this.system = system;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public void setUpdatedBy(String updatedBy) {
    this.updatedBy = updatedBy;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
