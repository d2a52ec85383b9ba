package io.vigil.adapters.dynamodb.internal;

import io.vigil.adapters.dynamodb.VigilTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * What every item of the table has: its keys ({@code PK}/{@code SK} and the optional, sparse
 * {@code GSI1}/{@code GSI2}/{@code GSI3} keys) and its {@code type}. Item classes extend it, and
 * their static schemas {@code extend(}{@link #SCHEMA}{@code )}. Null attributes are not written, so an item
 * without GSI keys is simply absent from that index.
 */
public abstract class TableItem {

  /** Schema of the common attributes, built once; item schemas extend it. */
  public static final StaticTableSchema<TableItem> SCHEMA =
      StaticTableSchema.builder(TableItem.class)
          .addAttribute(String.class, a -> a.name(VigilTable.PK)
              .getter(TableItem::getPk).setter(TableItem::setPk)
              .tags(StaticAttributeTags.primaryPartitionKey()))
          .addAttribute(String.class, a -> a.name(VigilTable.SK)
              .getter(TableItem::getSk).setter(TableItem::setSk)
              .tags(StaticAttributeTags.primarySortKey()))
          .addAttribute(String.class, a -> a.name(VigilTable.TYPE)
              .getter(TableItem::getType).setter(TableItem::setType))
          .addAttribute(String.class, a -> a.name(VigilTable.GSI1_PK)
              .getter(TableItem::getGsi1pk).setter(TableItem::setGsi1pk)
              .tags(StaticAttributeTags.secondaryPartitionKey(VigilTable.GSI1)))
          .addAttribute(String.class, a -> a.name(VigilTable.GSI1_SK)
              .getter(TableItem::getGsi1sk).setter(TableItem::setGsi1sk)
              .tags(StaticAttributeTags.secondarySortKey(VigilTable.GSI1)))
          .addAttribute(String.class, a -> a.name(VigilTable.GSI2_PK)
              .getter(TableItem::getGsi2pk).setter(TableItem::setGsi2pk)
              .tags(StaticAttributeTags.secondaryPartitionKey(VigilTable.GSI2)))
          .addAttribute(String.class, a -> a.name(VigilTable.GSI2_SK)
              .getter(TableItem::getGsi2sk).setter(TableItem::setGsi2sk)
              .tags(StaticAttributeTags.secondarySortKey(VigilTable.GSI2)))
          .addAttribute(String.class, a -> a.name(VigilTable.GSI3_PK)
              .getter(TableItem::getGsi3pk).setter(TableItem::setGsi3pk)
              .tags(StaticAttributeTags.secondaryPartitionKey(VigilTable.GSI3)))
          .addAttribute(String.class, a -> a.name(VigilTable.GSI3_SK)
              .getter(TableItem::getGsi3sk).setter(TableItem::setGsi3sk)
              .tags(StaticAttributeTags.secondarySortKey(VigilTable.GSI3)))
          .build();

  private String pk;
  private String sk;
  private String type;
  private String gsi1pk;
  private String gsi1sk;
  private String gsi2pk;
  private String gsi2sk;
  private String gsi3pk;
  private String gsi3sk;

  protected TableItem() {}

  /** Sets the primary key and the item type. */
  protected final void key(String type, String pk, String sk) {
    this.type = type;
    this.pk = pk;
    this.sk = sk;
  }

  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getGsi1pk() {
    return gsi1pk;
  }

  public void setGsi1pk(String gsi1pk) {
    this.gsi1pk = gsi1pk;
  }

  public String getGsi1sk() {
    return gsi1sk;
  }

  public void setGsi1sk(String gsi1sk) {
    this.gsi1sk = gsi1sk;
  }

  public String getGsi2pk() {
    return gsi2pk;
  }

  public void setGsi2pk(String gsi2pk) {
    this.gsi2pk = gsi2pk;
  }

  public String getGsi2sk() {
    return gsi2sk;
  }

  public void setGsi2sk(String gsi2sk) {
    this.gsi2sk = gsi2sk;
  }

  public String getGsi3pk() {
    return gsi3pk;
  }

  public void setGsi3pk(String gsi3pk) {
    this.gsi3pk = gsi3pk;
  }

  public String getGsi3sk() {
    return gsi3sk;
  }

  public void setGsi3sk(String gsi3sk) {
    this.gsi3sk = gsi3sk;
  }
}
