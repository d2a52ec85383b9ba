package io.vigil.domain.control;

import java.util.List;
import java.util.Optional;

/**
 * The auditable requirements of ISO/IEC 27001:2022 clauses 4 to 10. Titles are Vigil's own short
 * paraphrases; the standard's text is copyrighted and not shipped.
 */
public final class IsmsClauses {

  private static final List<IsmsClause> ALL =
      List.of(
          c("4.1", "Understanding the organization and its context"),
          c("4.2", "Needs and expectations of interested parties"),
          c("4.3", "Scope of the ISMS"),
          c("4.4", "Information security management system"),
          c("5.1", "Leadership and commitment"),
          c("5.2", "Information security policy"),
          c("5.3", "Roles, responsibilities and authorities"),
          c("6.1.1", "Actions to address risks and opportunities: general"),
          c("6.1.2", "Information security risk assessment"),
          c("6.1.3", "Information security risk treatment and Statement of Applicability"),
          c("6.2", "Information security objectives and planning to achieve them"),
          c("6.3", "Planning of changes"),
          c("7.1", "Resources"),
          c("7.2", "Competence"),
          c("7.3", "Awareness"),
          c("7.4", "Communication"),
          c("7.5", "Documented information"),
          c("8.1", "Operational planning and control"),
          c("8.2", "Information security risk assessment at planned intervals"),
          c("8.3", "Information security risk treatment implementation"),
          c("9.1", "Monitoring, measurement, analysis and evaluation"),
          c("9.2", "Internal audit"),
          c("9.3", "Management review"),
          c("10.1", "Continual improvement"),
          c("10.2", "Nonconformity and corrective action"));

  private IsmsClauses() {}

  public static List<IsmsClause> all() {
    return ALL;
  }

  public static Optional<IsmsClause> find(ClauseId id) {
    return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  private static IsmsClause c(String id, String title) {
    return new IsmsClause(new ClauseId(id), title);
  }
}
