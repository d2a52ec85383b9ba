package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.Sha256;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A ledger entry: {@code PK=LEDGER, SK=ENTRY#<sequence, 20 digits>}, type {@code LedgerEntry}; and
 * the head pointer, a copy of the latest entry: {@code PK=LEDGER, SK=HEAD}, type
 * {@code LedgerHead}. Hashes are lowercase hex, times fixed-width ISO-8601 ({@link Times}).
 */
final class LedgerEntryItem extends TableItem {

  static final String ENTRY_TYPE = "LedgerEntry";
  static final String HEAD_TYPE = "LedgerHead";
  static final String SEQUENCE = "sequence";
  static final String ENTRY_HASH = "entryHash";

  static final StaticTableSchema<LedgerEntryItem> SCHEMA =
      StaticTableSchema.builder(LedgerEntryItem.class)
          .newItemSupplier(LedgerEntryItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(Long.class, a -> a.name(SEQUENCE)
              .getter(LedgerEntryItem::getSequence).setter(LedgerEntryItem::setSequence))
          .addAttribute(String.class, a -> a.name("previousHash")
              .getter(LedgerEntryItem::getPreviousHash).setter(LedgerEntryItem::setPreviousHash))
          .addAttribute(String.class, a -> a.name("manifestHash")
              .getter(LedgerEntryItem::getManifestHash).setter(LedgerEntryItem::setManifestHash))
          .addAttribute(String.class, a -> a.name("unitId")
              .getter(LedgerEntryItem::getUnitId).setter(LedgerEntryItem::setUnitId))
          .addAttribute(String.class, a -> a.name("runId")
              .getter(LedgerEntryItem::getRunId).setter(LedgerEntryItem::setRunId))
          .addAttribute(String.class, a -> a.name("accountId")
              .getter(LedgerEntryItem::getAccountId).setter(LedgerEntryItem::setAccountId))
          .addAttribute(String.class, a -> a.name("region")
              .getter(LedgerEntryItem::getRegion).setter(LedgerEntryItem::setRegion))
          .addAttribute(String.class, a -> a.name("collectedAt")
              .getter(LedgerEntryItem::getCollectedAt).setter(LedgerEntryItem::setCollectedAt))
          .addAttribute(String.class, a -> a.name("recordedAt")
              .getter(LedgerEntryItem::getRecordedAt).setter(LedgerEntryItem::setRecordedAt))
          .addAttribute(Integer.class, a -> a.name("resultCount")
              .getter(LedgerEntryItem::getResultCount).setter(LedgerEntryItem::setResultCount))
          .addAttribute(String.class, a -> a.name(ENTRY_HASH)
              .getter(LedgerEntryItem::getEntryHash).setter(LedgerEntryItem::setEntryHash))
          .build();

  private Long sequence;
  private String previousHash;
  private String manifestHash;
  private String unitId;
  private String runId;
  private String accountId;
  private String region;
  private String collectedAt;
  private String recordedAt;
  private Integer resultCount;
  private String entryHash;

  /** The item of {@code e} under its sequence. */
  static LedgerEntryItem entry(LedgerEntry e) {
    return of(e, ENTRY_TYPE, LedgerKeys.entry(e.sequence()));
  }

  /** The head pointer naming {@code e}. */
  static LedgerEntryItem head(LedgerEntry e) {
    return of(e, HEAD_TYPE, LedgerKeys.HEAD);
  }

  private static LedgerEntryItem of(LedgerEntry e, String type, String sk) {
    var item = new LedgerEntryItem();
    item.key(type, LedgerKeys.LEDGER, sk);
    item.sequence = e.sequence();
    item.previousHash = e.previousHash().hex();
    item.manifestHash = e.manifestHash().hex();
    item.unitId = e.unitId();
    item.runId = e.runId();
    item.accountId = e.accountId();
    item.region = e.region();
    item.collectedAt = Times.format(e.collectedAt());
    item.recordedAt = Times.format(e.recordedAt());
    item.resultCount = e.resultCount();
    item.entryHash = e.entryHash().hex();
    return item;
  }

  /**
   * The entry as stored.
   *
   * @throws RuntimeException if an attribute is missing or malformed
   */
  LedgerEntry toDomain() {
    return new LedgerEntry(required(sequence, SEQUENCE), hash(previousHash, "previousHash"),
        hash(manifestHash, "manifestHash"), required(unitId, "unitId"), required(runId, "runId"),
        required(accountId, "accountId"), required(region, "region"),
        Times.parseInstant(required(collectedAt, "collectedAt")),
        Times.parseInstant(required(recordedAt, "recordedAt")),
        required(resultCount, "resultCount"), hash(entryHash, ENTRY_HASH));
  }

  private static Sha256 hash(String hex, String name) {
    return new Sha256(required(hex, name));
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("attribute " + name + " is missing");
    }
    return value;
  }

  public Long getSequence() {
    return sequence;
  }

  public void setSequence(Long sequence) {
    this.sequence = sequence;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public void setPreviousHash(String previousHash) {
    this.previousHash = previousHash;
  }

  public String getManifestHash() {
    return manifestHash;
  }

  public void setManifestHash(String manifestHash) {
    this.manifestHash = manifestHash;
  }

  public String getUnitId() {
    return unitId;
  }

  public void setUnitId(String unitId) {
    this.unitId = unitId;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getCollectedAt() {
    return collectedAt;
  }

  public void setCollectedAt(String collectedAt) {
    this.collectedAt = collectedAt;
  }

  public String getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(String recordedAt) {
    this.recordedAt = recordedAt;
  }

  public Integer getResultCount() {
    return resultCount;
  }

  public void setResultCount(Integer resultCount) {
    this.resultCount = resultCount;
  }

  public String getEntryHash() {
    return entryHash;
  }

  public void setEntryHash(String entryHash) {
    this.entryHash = entryHash;
  }
}
