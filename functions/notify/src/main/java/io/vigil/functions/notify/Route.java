package io.vigil.functions.notify;

import java.util.List;
import java.util.Optional;

/**
 * One routing rule: which events ({@code detailTypes}, {@code minSeverity}, {@code accounts}; an
 * empty filter matches everything) go to which targets (a Slack webhook named by its secret, e-mail
 * recipients), and whether Run Completed is sent as a digest of the run's findings (suppressing
 * the individual Finding Opened messages of that run).
 */
public record Route(String name, List<String> detailTypes, Optional<String> minSeverity,
    List<String> accounts, Optional<String> slackWebhookSecret, Optional<Email> email,
    boolean digest) {

  /** E-mail recipients and the sender (already defaulted from {@code vigil.notify.email.from}). */
  public record Email(List<String> to, String from) {
    public Email {
      to = List.copyOf(to);
    }
  }

  public Route {
    detailTypes = List.copyOf(detailTypes);
    accounts = List.copyOf(accounts);
  }

  /** True when the event passes this rule's filters. */
  boolean matches(NotifyEvent event) {
    if (!detailTypes.isEmpty() && detailTypes.stream()
        .noneMatch(t -> t.equalsIgnoreCase(event.detailType()))) {
      return false;
    }
    if (minSeverity.isPresent()) {
      var min = Severities.rank(minSeverity.get()).orElse(0);
      var actual = Severities.rank(event.text("severity").orElse(null));
      if (actual.isEmpty() || actual.getAsInt() < min) {
        return false;
      }
    }
    if (!accounts.isEmpty()) {
      var account = event.subjectAccount();
      return account.isPresent() && accounts.contains(account.get());
    }
    return true;
  }
}
