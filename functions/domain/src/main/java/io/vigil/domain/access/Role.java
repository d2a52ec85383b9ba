package io.vigil.domain.access;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in Vigil; from the caller's identity (e.g. the groups claim of a JWT). */
public enum Role {
  /** Runs the ISMS: every operation, except reviewing the effectiveness of their own action. */
  ISMS_MANAGER("isms-manager"),
  /** Raises findings, reviews effectiveness, closes; reads everything. */
  AUDITOR("auditor"),
  /** Treats the findings and actions assigned to them; reads everything. */
  OWNER("owner"),
  /** Reads only. */
  VIEWER("viewer");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  /** The group name that grants this role, e.g. {@code isms-manager}. */
  public String claim() {
    return claim;
  }

  public static Optional<Role> fromClaim(String group) {
    var g = group.trim().toLowerCase(Locale.ROOT);
    for (var r : values()) {
      if (r.claim.equals(g)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
