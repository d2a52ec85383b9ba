package io.vigil.domain.finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A change to a finding: optionally a workflow move ({@code transition}) and edits of its
 * descriptive fields (null = unchanged). Edits are for ISMS managers; owners move the workflow.
 */
public record FindingChange(
    Transition transition,
    String title,
    String description,
    String owner,
    LocalDate dueDate,
    FindingType type) {

  public boolean hasEdits() {
    return title != null || description != null || owner != null || dueDate != null || type != null;
  }

  /** Names of the edited fields. */
  public List<String> editedFields() {
    var out = new ArrayList<String>();
    if (title != null) {
      out.add("title");
    }
    if (description != null) {
      out.add("description");
    }
    if (owner != null) {
      out.add("owner");
    }
    if (dueDate != null) {
      out.add("dueDate");
    }
    if (type != null) {
      out.add("type");
    }
    return out;
  }
}
