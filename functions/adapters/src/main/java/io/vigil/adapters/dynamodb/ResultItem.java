package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A check result, stored twice: in its run ({@code PK=RUN#<runId>, SK=RESULT#<subject>}, type
 * {@code Result}) and as the latest of its subject ({@code PK=SUBJECT#<subject>, SK=LATEST}, type
 * {@code LatestResult}, on GSI2 under {@code CHECK#<checkId>}).
 */
final class ResultItem extends TableItem {

  static final String TYPE_RESULT = "Result";
  static final String TYPE_LATEST = "LatestResult";
  static final String OBSERVED_AT = "observedAt";

  /**
   * Longest reason kept, in characters. Reasons are short explanations written by checks (the
   * evidence itself lives in S3); the cap keeps every item far below DynamoDB's 400 KB.
   */
  static final int MAX_REASON_CHARS = 10_000;

  static final String TRUNCATED = " [truncated]";

  static final StaticTableSchema<ResultItem> SCHEMA = StaticTableSchema.builder(ResultItem.class)
      .newItemSupplier(ResultItem::new)
      .extend(TableItem.SCHEMA)
      .addAttribute(String.class, a -> a.name("runId")
          .getter(ResultItem::getRunId).setter(ResultItem::setRunId))
      .addAttribute(String.class, a -> a.name("checkId")
          .getter(ResultItem::getCheckId).setter(ResultItem::setCheckId))
      .addAttribute(String.class, a -> a.name("status")
          .getter(ResultItem::getStatus).setter(ResultItem::setStatus))
      .addAttribute(String.class, a -> a.name("accountId")
          .getter(ResultItem::getAccountId).setter(ResultItem::setAccountId))
      .addAttribute(String.class, a -> a.name("region")
          .getter(ResultItem::getRegion).setter(ResultItem::setRegion))
      .addAttribute(String.class, a -> a.name("resourceArn")
          .getter(ResultItem::getResourceArn).setter(ResultItem::setResourceArn))
      .addAttribute(String.class, a -> a.name("resourceType")
          .getter(ResultItem::getResourceType).setter(ResultItem::setResourceType))
      .addAttribute(EnhancedType.listOf(String.class), a -> a.name("controls")
          .getter(ResultItem::getControls).setter(ResultItem::setControls))
      .addAttribute(String.class, a -> a.name("severity")
          .getter(ResultItem::getSeverity).setter(ResultItem::setSeverity))
      .addAttribute(String.class, a -> a.name(OBSERVED_AT)
          .getter(ResultItem::getObservedAt).setter(ResultItem::setObservedAt))
      .addAttribute(String.class, a -> a.name("evidenceSha256")
          .getter(ResultItem::getEvidenceSha256).setter(ResultItem::setEvidenceSha256))
      .addAttribute(String.class, a -> a.name("reason")
          .getter(ResultItem::getReason).setter(ResultItem::setReason))
      .build();

  private String runId;
  private String checkId;
  private String status;
  private String accountId;
  private String region;
  private String resourceArn;
  private String resourceType;
  private List<String> controls;
  private String severity;
  private String observedAt;
  private String evidenceSha256;
  private String reason;

  /** The result as part of its run's manifest. */
  static ResultItem inRun(CheckResult r) {
    var item = of(r);
    item.key(TYPE_RESULT, Keys.run(r.runId()), Keys.result(r.subjectKey()));
    return item;
  }

  /** The result as the latest one of its subject. */
  static ResultItem latest(CheckResult r) {
    var item = of(r);
    item.key(TYPE_LATEST, Keys.subject(r.subjectKey()), Keys.LATEST);
    item.setGsi2pk(Keys.check(r.checkId().value()));
    item.setGsi2sk(Keys.bounded(r.accountId() + "#" + r.resourceArn()));
    return item;
  }

  private static ResultItem of(CheckResult r) {
    var item = new ResultItem();
    item.runId = r.runId();
    item.checkId = r.checkId().value();
    item.status = r.status().name();
    item.accountId = r.accountId();
    item.region = r.region();
    item.resourceArn = r.resourceArn();
    item.resourceType = r.resourceType();
    item.controls = r.controls().stream().map(ControlId::toString).toList();
    item.severity = r.severity().name();
    item.observedAt = Times.format(r.observedAt());
    item.evidenceSha256 = r.evidenceSha256().hex();
    item.reason = r.reason().length() <= MAX_REASON_CHARS ? r.reason()
        : r.reason().substring(0, MAX_REASON_CHARS - TRUNCATED.length()) + TRUNCATED;
    return item;
  }

  CheckResult toDomain() {
    return new CheckResult(runId, CheckId.of(checkId), CheckStatus.valueOf(status), accountId,
        region, resourceArn, resourceType,
        controls == null ? List.of() : controls.stream().map(ControlId::parse).toList(),
        Severity.valueOf(severity), Times.parseInstant(observedAt), new Sha256(evidenceSha256),
        reason);
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getCheckId() {
    return checkId;
  }

  public void setCheckId(String checkId) {
    this.checkId = checkId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
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

  public String getResourceType() {
    return resourceType;
  }

  public void setResourceType(String resourceType) {
    this.resourceType = resourceType;
  }

  public List<String> getControls() {
    return controls;
  }

  public void setControls(List<String> controls) {
    this.controls = controls;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }

  public String getEvidenceSha256() {
    return evidenceSha256;
  }

  public void setEvidenceSha256(String evidenceSha256) {
    this.evidenceSha256 = evidenceSha256;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
