package io.vigil.functions.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Picks the targets of an event from the routes. A digest route sends Run Completed as one message
 * listing the run's findings, and skips the individual Finding Opened events that carry a
 * {@code runId}. A target named by several matching routes is delivered once.
 */
public final class Router {

  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The targets for this event, in route order, without duplicates. */
  public List<Target> targets(NotifyEvent event) {
    var byId = new LinkedHashMap<String, Target>();
    for (var r : routes) {
      if (!r.matches(event)) {
        continue;
      }
      if (r.digest() && "Finding Opened".equals(event.detailType())
          && event.text("runId").isPresent()) {
        continue; // reported in the run's digest
      }
      r.slackWebhookSecret().ifPresent(s -> byId.putIfAbsent("slack:" + s, Target.slack(r, s)));
      r.email().ifPresent(e -> {
        var t = Target.email(r, e);
        byId.putIfAbsent(t.id(), t);
      });
    }
    return new ArrayList<>(byId.values());
  }
}
