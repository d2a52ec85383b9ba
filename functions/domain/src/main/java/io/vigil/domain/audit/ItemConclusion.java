package io.vigil.domain.audit;

import io.vigil.domain.finding.FindingId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The recorded conclusion on one item of an audit.
 *
 * @param evidence references the auditor gives (documents, records, interviews), as written
 * @param automated the check results linked automatically (controls only)
 * @param findingId the finding raised for a nonconformity, observation or opportunity; null for a
 *     conforming item
 */
public record ItemConclusion(String item, Conclusion conclusion, String notes,
    List<String> evidence, List<CheckEvidence> automated, FindingId findingId, String recordedBy,
    Instant recordedAt) {

  public ItemConclusion {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(conclusion, "conclusion");
    notes = notes == null ? "" : notes;
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
    automated = List.copyOf(automated == null ? List.of() : automated);
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
