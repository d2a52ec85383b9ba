package io.vigil.domain.audit;

import java.util.Objects;
import java.util.Set;

/**
 * A person who audits. {@code responsibleFor} lists the clause and control ids (external form,
 * e.g. "9.2", "A.8.24") the person owns or operates: they must not audit those (clause 9.2.2,
 * objectivity and impartiality).
 */
public record Auditor(String id, String name, String email, Set<String> responsibleFor) {
  public Auditor {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an auditor needs an id");
    }
    Objects.requireNonNull(name, "name");
    responsibleFor = Set.copyOf(responsibleFor == null ? Set.of() : responsibleFor);
  }
}
