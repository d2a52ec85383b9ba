package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.register.SoaVersion;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=SOA, SK=VERSION#<number, 10 digits>}, type {@code SoaVersion}: one approved, immutable
 * version of the Statement of Applicability — {@code number}, {@code approvedAt},
 * {@code approvedBy}, {@code sha256} (of the JSON, its address in the evidence bucket) and
 * {@code json} (the canonical JSON, at most {@value #MAX_JSON_BYTES} bytes). Written once with
 * condition "absent", never changed.
 */
final class SoaVersionItem extends TableItem {

  static final String TYPE = "SoaVersion";

  /** Most UTF-8 bytes of an SoA version's JSON, so the item stays below DynamoDB's 400 KB. */
  static final int MAX_JSON_BYTES = 350 * 1024;

  static final StaticTableSchema<SoaVersionItem> SCHEMA =
      StaticTableSchema.builder(SoaVersionItem.class)
          .newItemSupplier(SoaVersionItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(Integer.class, a -> a.name("number")
              .getter(SoaVersionItem::getNumber).setter(SoaVersionItem::setNumber))
          .addAttribute(String.class, a -> a.name("approvedAt")
              .getter(SoaVersionItem::getApprovedAt).setter(SoaVersionItem::setApprovedAt))
          .addAttribute(String.class, a -> a.name("approvedBy")
              .getter(SoaVersionItem::getApprovedBy).setter(SoaVersionItem::setApprovedBy))
          .addAttribute(String.class, a -> a.name("sha256")
              .getter(SoaVersionItem::getSha256).setter(SoaVersionItem::setSha256))
          .addAttribute(String.class, a -> a.name("json")
              .getter(SoaVersionItem::getJson).setter(SoaVersionItem::setJson))
          .build();

  private Integer number;
  private String approvedAt;
  private String approvedBy;
  private String sha256;
  private String json;

  /**
   * The item of {@code v}.
   *
   * @throws IllegalArgumentException if its JSON is too large to store
   */
  static SoaVersionItem of(SoaVersion v) {
    int size = v.json().getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_JSON_BYTES) {
      throw new IllegalArgumentException("SoA version " + v.number() + " is too large to store:"
          + " its JSON takes " + size + " bytes, more than the " + MAX_JSON_BYTES + " (350 KB)"
          + " an SoA version may take (a DynamoDB item holds at most 400 KB). Shorten the"
          + " justifications and implementation texts. Nothing was stored.");
    }
    var item = new SoaVersionItem();
    item.key(TYPE, Keys.SOA, Keys.soaVersion(v.number()));
    item.number = v.number();
    item.approvedAt = Times.format(v.approvedAt());
    item.approvedBy = v.approvedBy();
    item.sha256 = v.sha256();
    item.json = v.json();
    return item;
  }

  SoaVersion toDomain() {
    return new SoaVersion(number, Times.parseInstant(approvedAt), approvedBy, sha256, json);
  }

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getApprovedAt() {
    return approvedAt;
  }

  public void setApprovedAt(String approvedAt) {
    this.approvedAt = approvedAt;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public void setApprovedBy(String approvedBy) {
    this.approvedBy = approvedBy;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public String getJson() {
    return json;
  }

  public void setJson(String json) {
    this.json = json;
  }
}
