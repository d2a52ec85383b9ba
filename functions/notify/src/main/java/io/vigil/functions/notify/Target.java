package io.vigil.functions.notify;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Where one delivery goes: a Slack webhook (named by its secret, never by its URL) or a set of
 * e-mail recipients. {@link #id()} is the idempotency sort key and appears in reports and logs.
 */
public record Target(String id, String route, Optional<String> slackSecret,
    Optional<Route.Email> email, boolean digest) {

  static Target slack(Route r, String secret) {
    return new Target("slack:" + secret, r.name(), Optional.of(secret), Optional.empty(),
        r.digest());
  }

  static Target email(Route r, Route.Email e) {
    return new Target("email:" + String.join(",", new TreeSet<>(e.to())), r.name(),
        Optional.empty(), Optional.of(e), r.digest());
  }
}
