package io.vigil.domain.access;

import java.util.Set;

/**
 * Who is acting: a stable subject id, an e-mail (people are named as owners by either) and roles.
 * The system itself (scheduled jobs, automated checks) acts as {@link #SYSTEM}.
 */
public record Actor(String id, String email, Set<Role> roles) {

  /** Vigil's own jobs. */
  public static final Actor SYSTEM = new Actor("vigil", null, Set.of(Role.ISMS_MANAGER));

  public Actor {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an actor has an id");
    }
    roles = Set.copyOf(roles == null ? Set.of() : roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True if {@code person} (an owner or implementer field) names this actor, by id or e-mail. */
  public boolean is(String person) {
    return person != null && (person.equals(id) || person.equalsIgnoreCase(email == null ? "" : email));
  }

  /** How history records the actor: the e-mail when known, else the id. */
  public String label() {
    return email == null || email.isBlank() ? id : email;
  }
}
