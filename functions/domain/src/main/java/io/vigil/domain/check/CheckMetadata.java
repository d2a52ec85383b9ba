package io.vigil.domain.check;

import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.ControlId;
import java.util.List;
import java.util.Objects;

/**
 * What a check is, declared next to its code: stable id, a title stating the compliant condition,
 * the AWS service and resource type, severity, the Annex A controls it gives evidence for, why it
 * matters and how to fix a failure.
 */
public record CheckMetadata(
    CheckId id,
    String title,
    String service,
    String resourceType,
    Severity severity,
    List<ControlMapping> controls,
    String rationale,
    String remediation) {

  public static final int MAX_TITLE_LENGTH = 150;

  public CheckMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, () -> id + ": severity");
    requireText(id, "title", title);
    requireText(id, "service", service);
    requireText(id, "resourceType", resourceType);
    requireText(id, "rationale", rationale);
    requireText(id, "remediation", remediation);
    if (title.length() > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException(id + ": title longer than " + MAX_TITLE_LENGTH);
    }
    if (title.regionMatches(true, 0, "ensure", 0, 6)) {
      throw new IllegalArgumentException(id + ": title must state the compliant condition");
    }
    controls = List.copyOf(Objects.requireNonNull(controls, "controls"));
    if (controls.isEmpty()) {
      throw new IllegalArgumentException(id + ": map the check to at least one Annex A control");
    }
    if (controls.stream().map(ControlMapping::control).distinct().count() != controls.size()) {
      throw new IllegalArgumentException(id + ": a control is mapped twice");
    }
    for (var mapping : controls) {
      if (!AnnexACatalogue.standard().contains(mapping.control())) {
        throw new IllegalArgumentException(
            id + ": " + mapping.control() + " is not an Annex A 2022 control");
      }
    }
  }

  /** All mapped controls, primary first. */
  public List<ControlId> controlIds() {
    return controls.stream()
        .sorted((a, b) -> Boolean.compare(b.isPrimary(), a.isPrimary()))
        .map(ControlMapping::control)
        .toList();
  }

  public static Builder builder(String id) {
    return new Builder(CheckId.of(id));
  }

  private static void requireText(CheckId id, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(id + ": metadata field '" + field + "' is required");
    }
  }

  /** Fluent builder so that a check's metadata reads like a declaration. */
  public static final class Builder {
    private final CheckId id;
    private String title;
    private String service;
    private String resourceType;
    private Severity severity;
    private final java.util.ArrayList<ControlMapping> controls = new java.util.ArrayList<>();
    private String rationale;
    private String remediation;

    private Builder(CheckId id) {
      this.id = id;
      this.service = id.service();
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder resourceType(String resourceType) {
      this.resourceType = resourceType;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    /** Annex A controls for which this check is primary evidence, e.g. "A.8.24". */
    public Builder primary(String... controlIds) {
      for (var c : controlIds) {
        controls.add(ControlMapping.primary(c));
      }
      return this;
    }

    /** Annex A controls this check supports without being sufficient evidence on its own. */
    public Builder supporting(String... controlIds) {
      for (var c : controlIds) {
        controls.add(ControlMapping.supporting(c));
      }
      return this;
    }

    public Builder rationale(String rationale) {
      this.rationale = rationale;
      return this;
    }

    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    public CheckMetadata build() {
      return new CheckMetadata(
          id, title, service, resourceType, severity, controls, rationale, remediation);
    }
  }
}
