package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.Treatment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=FINDING#<id>, SK=META}, type {@code Finding}. While open it is on GSI1 under
 * {@code FINDINGS#OPEN} by due date; once closed or declined (with the time it was, attribute
 * {@code closedAt}) under {@code FINDINGS#CLOSED#<yyyy-MM of closedAt>} by {@code closedAt}; it is
 * on GSI2 under {@code CONTROL#<first control>} by the
 * time it was raised; every finding is on GSI3 under {@code FINDINGS} by the time it was raised
 * (the filtered, paginated listing). The treatment (clause 10.2 steps) is stored flat, one
 * attribute per field; {@code ownerKey} is the owner in lower case for the owner filter. The
 * finding's own classification is attribute {@code findingType}, since
 * {@code type} is the item type.
 */
final class FindingItem extends TableItem {

  static final String TYPE = "Finding";
  /** Attribute: when the finding was closed or declined (absent while open). */
  static final String CLOSED_AT = "closedAt";
  /** GSI1 partition prefix of the findings closed in one month: {@code FINDINGS#CLOSED#2026-11}. */
  static final String CLOSED_PREFIX = "FINDINGS#CLOSED#";

  /**
   * Most UTF-8 bytes of free text (title, description, owner, root cause, audit id and treatment
   * texts) one finding holds.
   */
  static final int MAX_TEXT_BYTES = 300_000;

  static final StaticTableSchema<FindingItem> SCHEMA = StaticTableSchema.builder(FindingItem.class)
      .newItemSupplier(FindingItem::new)
      .extend(TableItem.SCHEMA)
      .addAttribute(String.class, a -> a.name("findingId")
          .getter(FindingItem::getFindingId).setter(FindingItem::setFindingId))
      .addAttribute(String.class, a -> a.name("findingType")
          .getter(FindingItem::getFindingType).setter(FindingItem::setFindingType))
      .addAttribute(String.class, a -> a.name("source")
          .getter(FindingItem::getSource).setter(FindingItem::setSource))
      .addAttribute(String.class, a -> a.name("status")
          .getter(FindingItem::getStatus).setter(FindingItem::setStatus))
      .addAttribute(String.class, a -> a.name("title")
          .getter(FindingItem::getTitle).setter(FindingItem::setTitle))
      .addAttribute(String.class, a -> a.name("description")
          .getter(FindingItem::getDescription).setter(FindingItem::setDescription))
      .addAttribute(String.class, a -> a.name("severity")
          .getter(FindingItem::getSeverity).setter(FindingItem::setSeverity))
      .addAttribute(EnhancedType.listOf(String.class), a -> a.name("controls")
          .getter(FindingItem::getControls).setter(FindingItem::setControls))
      .addAttribute(EnhancedType.listOf(String.class), a -> a.name("clauses")
          .getter(FindingItem::getClauses).setter(FindingItem::setClauses))
      .addAttribute(String.class, a -> a.name("relatedFindingId")
          .getter(FindingItem::getRelatedFindingId).setter(FindingItem::setRelatedFindingId))
      .addAttribute(String.class, a -> a.name("checkId")
          .getter(FindingItem::getCheckId).setter(FindingItem::setCheckId))
      .addAttribute(String.class, a -> a.name("accountId")
          .getter(FindingItem::getAccountId).setter(FindingItem::setAccountId))
      .addAttribute(String.class, a -> a.name("region")
          .getter(FindingItem::getRegion).setter(FindingItem::setRegion))
      .addAttribute(String.class, a -> a.name("resourceArn")
          .getter(FindingItem::getResourceArn).setter(FindingItem::setResourceArn))
      .addAttribute(String.class, a -> a.name("raisedAt")
          .getter(FindingItem::getRaisedAt).setter(FindingItem::setRaisedAt))
      .addAttribute(String.class, a -> a.name("dueDate")
          .getter(FindingItem::getDueDate).setter(FindingItem::setDueDate))
      .addAttribute(String.class, a -> a.name("owner")
          .getter(FindingItem::getOwner).setter(FindingItem::setOwner))
      .addAttribute(String.class, a -> a.name("rootCause")
          .getter(FindingItem::getRootCause).setter(FindingItem::setRootCause))
      .addAttribute(String.class, a -> a.name("auditId")
          .getter(FindingItem::getAuditId).setter(FindingItem::setAuditId))
      .addAttribute(String.class, a -> a.name("correction")
          .getter(FindingItem::getCorrection).setter(FindingItem::setCorrection))
      .addAttribute(String.class, a -> a.name("similarNonconformities")
          .getter(FindingItem::getSimilarNonconformities)
          .setter(FindingItem::setSimilarNonconformities))
      .addAttribute(String.class, a -> a.name("implementedAt")
          .getter(FindingItem::getImplementedAt).setter(FindingItem::setImplementedAt))
      .addAttribute(String.class, a -> a.name("effectivenessReview")
          .getter(FindingItem::getEffectivenessReview).setter(FindingItem::setEffectivenessReview))
      .addAttribute(String.class, a -> a.name("reviewedBy")
          .getter(FindingItem::getReviewedBy).setter(FindingItem::setReviewedBy))
      .addAttribute(String.class, a -> a.name("reviewedAt")
          .getter(FindingItem::getReviewedAt).setter(FindingItem::setReviewedAt))
      .addAttribute(String.class, a -> a.name("ismsChange")
          .getter(FindingItem::getIsmsChange).setter(FindingItem::setIsmsChange))
      .addAttribute(String.class, a -> a.name("decisionReason")
          .getter(FindingItem::getDecisionReason).setter(FindingItem::setDecisionReason))
      .addAttribute(String.class, a -> a.name("ownerKey")
          .getter(FindingItem::getOwnerKey).setter(FindingItem::setOwnerKey))
      .addAttribute(String.class, a -> a.name(CLOSED_AT)
          .getter(FindingItem::getClosedAt).setter(FindingItem::setClosedAt))
      .addAttribute(Long.class, a -> a.name(VigilTable.VERSION)
          .getter(FindingItem::getVersion).setter(FindingItem::setVersion))
      .build();

  private String findingId;
  private String relatedFindingId;
  private String findingType;
  private String source;
  private String status;
  private String title;
  private String description;
  private String severity;
  private List<String> controls;
  private List<String> clauses;
  private String checkId;
  private String accountId;
  private String region;
  private String resourceArn;
  private String raisedAt;
  private String dueDate;
  private String owner;
  private String rootCause;
  private Long version;
  private String auditId;
  private String correction;
  private String similarNonconformities;
  private String implementedAt;
  private String effectivenessReview;
  private String reviewedBy;
  private String reviewedAt;
  private String ismsChange;
  private String decisionReason;
  private String ownerKey;
  private String closedAt;

  /**
   * The item of {@code f}, with the GSI1 keys only while it is open.
   *
   * @throws IllegalArgumentException if its free text is too large for one item
   */
  static FindingItem from(Finding f) {
    return from(f, null);
  }

  /**
   * The item of {@code f}: while open on GSI1 under {@code FINDINGS#OPEN}; closed or declined at
   * {@code closedAt} (when known) on GSI1 under {@code FINDINGS#CLOSED#<yyyy-MM>} by that time,
   * with attribute {@code closedAt}. A closed finding whose closing time is not known (closed
   * before this layout) has no GSI1 keys.
   *
   * @throws IllegalArgumentException if its free text is too large for one item, or
   *     {@code closedAt} is given for an open finding
   *
   * @throws IllegalArgumentException if its free text is too large for one item
   */
  static FindingItem from(Finding f, Instant closedAt) {
    if (closedAt != null && f.status().isOpen()) {
      throw new IllegalArgumentException("finding " + f.id() + " is " + f.status()
          + ": only a closed or declined finding has a closing time");
    }
    var t = f.treatment();
    // the owner counts twice: it is also stored in lower case as ownerKey
    int textBytes = Stream.of(f.title(), f.description(), f.owner(), f.owner(), f.rootCause(),
            f.auditId(),
            t.correction(), t.similarNonconformities(), t.effectivenessReview(), t.reviewedBy(),
            t.ismsChange(), t.decisionReason())
        .mapToInt(s -> s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length).sum();
    if (textBytes > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException("finding " + f.id() + " has " + textBytes + " bytes of"
          + " text; at most " + MAX_TEXT_BYTES + " fit: attach long documents as evidence instead");
    }
    var item = new FindingItem();
    item.key(TYPE, Keys.finding(f.id().value()), Keys.META);
    item.findingId = f.id().value();
    item.findingType = f.type().name();
    item.source = f.source().name();
    item.status = f.status().name();
    item.title = f.title();
    item.description = f.description();
    item.severity = f.severity().name();
    item.controls = f.controls().stream().map(ControlId::toString).toList();
    item.clauses = f.clauses().stream().map(ClauseId::toString).toList();
    item.checkId = f.checkId() == null ? null : f.checkId().value();
    item.accountId = f.accountId();
    item.region = f.region();
    item.resourceArn = f.resourceArn();
    item.raisedAt = Times.format(f.raisedAt());
    item.dueDate = Times.format(f.dueDate());
    item.owner = f.owner();
    item.rootCause = f.rootCause();
    item.relatedFindingId = f.relatedFindingId() == null ? null : f.relatedFindingId().value();
    item.version = f.version();
    item.auditId = f.auditId();
    item.correction = t.correction();
    item.similarNonconformities = t.similarNonconformities();
    item.implementedAt = Times.format(t.implementedAt());
    item.effectivenessReview = t.effectivenessReview();
    item.reviewedBy = t.reviewedBy();
    item.reviewedAt = Times.format(t.reviewedAt());
    item.ismsChange = t.ismsChange();
    item.decisionReason = t.decisionReason();
    item.ownerKey = ownerKey(f.owner());
    item.setGsi3pk(Keys.FINDINGS);
    item.setGsi3sk(Keys.findingsByRaisedAt(item.raisedAt, item.findingId));
    if (f.status().isOpen()) {
      item.setGsi1pk(Keys.FINDINGS_OPEN);
      var due = item.dueDate == null ? Keys.NO_DUE_DATE : item.dueDate;
      item.setGsi1sk(due + "#" + item.findingId);
    } else if (closedAt != null) {
      item.closedAt = Times.format(closedAt);
      item.setGsi1pk(closedMonth(closedAt));
      item.setGsi1sk(item.closedAt + "#" + item.findingId);
    }
    if (!f.controls().isEmpty()) {
      item.setGsi2pk(Keys.control(f.controls().get(0).toString()));
      item.setGsi2sk("FINDING#" + item.raisedAt + "#" + item.findingId);
    }
    return item;
  }

  /** The finding without its evidence tracking (last seen = raised). */
  Finding toDomain() {
    return toDomain(null);
  }

  /** The finding, with the evidence tracking of its {@code EVIDENCE} item when there is one. */
  Finding toDomain(FindingEvidenceItem evidence) {
    return new Finding(FindingId.of(findingId), FindingType.valueOf(findingType),
        FindingSource.valueOf(source), FindingStatus.valueOf(status), title, description,
        Severity.valueOf(severity),
        controls == null ? List.of() : controls.stream().map(ControlId::parse).toList(),
        clauses == null ? List.of() : clauses.stream().map(ClauseId::parse).toList(),
        checkId == null ? null : CheckId.of(checkId), accountId, region, resourceArn,
        Times.parseInstant(raisedAt), Times.parseDate(dueDate), owner, rootCause,
        evidence == null ? null : Times.parseInstant(evidence.getLastSeenAt()),
        evidence == null ? null : Times.parseInstant(evidence.getEvidenceRecoveredAt()),
        relatedFindingId == null ? null : FindingId.of(relatedFindingId), auditId,
        new Treatment(correction, similarNonconformities, Times.parseInstant(implementedAt),
            effectivenessReview, reviewedBy, Times.parseInstant(reviewedAt), ismsChange,
            decisionReason),
        version == null ? 0 : version);
  }

  /** GSI1 partition of the findings closed in the month (UTC) of {@code closedAt}. */
  static String closedMonth(Instant closedAt) {
    return closedMonth(YearMonth.from(closedAt.atOffset(ZoneOffset.UTC)));
  }

  static String closedMonth(YearMonth month) {
    return CLOSED_PREFIX + month;
  }

  /** The owner as listings filter it: case-insensitive, so stored lower-case (root locale). */
  static String ownerKey(String owner) {
    return owner == null ? null : owner.toLowerCase(java.util.Locale.ROOT);
  }

  public String getFindingId() {
    return findingId;
  }

  public String getRelatedFindingId() {
    return relatedFindingId;
  }

  public void setRelatedFindingId(String relatedFindingId) {
    this.relatedFindingId = relatedFindingId;
  }

  public void setFindingId(String findingId) {
    this.findingId = findingId;
  }

  public String getFindingType() {
    return findingType;
  }

  public void setFindingType(String findingType) {
    this.findingType = findingType;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public List<String> getControls() {
    return controls;
  }

  public void setControls(List<String> controls) {
    this.controls = controls;
  }

  public List<String> getClauses() {
    return clauses;
  }

  public void setClauses(List<String> clauses) {
    this.clauses = clauses;
  }

  public String getCheckId() {
    return checkId;
  }

  public void setCheckId(String checkId) {
    this.checkId = checkId;
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

  public String getResourceArn() {
    return resourceArn;
  }

  public void setResourceArn(String resourceArn) {
    this.resourceArn = resourceArn;
  }

  public String getRaisedAt() {
    return raisedAt;
  }

  public void setRaisedAt(String raisedAt) {
    this.raisedAt = raisedAt;
  }

  public String getDueDate() {
    return dueDate;
  }

  public void setDueDate(String dueDate) {
    this.dueDate = dueDate;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getRootCause() {
    return rootCause;
  }

  public void setRootCause(String rootCause) {
    this.rootCause = rootCause;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getAuditId() {
    return auditId;
  }

  public void setAuditId(String auditId) {
    this.auditId = auditId;
  }

  public String getCorrection() {
    return correction;
  }

  public void setCorrection(String correction) {
    this.correction = correction;
  }

  public String getSimilarNonconformities() {
    return similarNonconformities;
  }

  public void setSimilarNonconformities(String similarNonconformities) {
    this.similarNonconformities = similarNonconformities;
  }

  public String getImplementedAt() {
    return implementedAt;
  }

  public void setImplementedAt(String implementedAt) {
    this.implementedAt = implementedAt;
  }

  public String getEffectivenessReview() {
    return effectivenessReview;
  }

  public void setEffectivenessReview(String effectivenessReview) {
    this.effectivenessReview = effectivenessReview;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public void setReviewedBy(String reviewedBy) {
    this.reviewedBy = reviewedBy;
  }

  public String getReviewedAt() {
    return reviewedAt;
  }

  public void setReviewedAt(String reviewedAt) {
    this.reviewedAt = reviewedAt;
  }

  public String getIsmsChange() {
    return ismsChange;
  }

  public void setIsmsChange(String ismsChange) {
    this.ismsChange = ismsChange;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public void setDecisionReason(String decisionReason) {
    this.decisionReason = decisionReason;
  }

  public String getOwnerKey() {
    return ownerKey;
  }

  public void setOwnerKey(String ownerKey) {
    this.ownerKey = ownerKey;
  }

  public String getClosedAt() {
    return closedAt;
  }

  public void setClosedAt(String closedAt) {
    this.closedAt = closedAt;
  }
}
