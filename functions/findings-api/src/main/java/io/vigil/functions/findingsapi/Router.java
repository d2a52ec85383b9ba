package io.vigil.functions.findingsapi;

import io.vigil.domain.access.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records API's route table: every route is one method on one path template
 * ({@code /findings/{id}/actions}), declared once, and the table is the only way a request reaches
 * a handler. So the table is the complete list of what the API serves: the tests generate their
 * role matrix from it and fail when a writing route is not covered.
 *
 * <p>Dispatch keeps the API's order of refusals: a path no template matches is 404
 * ({@code no-such-route}); a path served with other methods is 405 with {@code Allow} (the
 * templates' methods in declaration order); then the caller is identified (401 without identity);
 * then the handler validates the path parameters, query, headers and body. Every {@code POST}
 * handler runs under {@link Idempotency} (the {@code Idempotency-Key} header).
 */
final class Router {

  /** A route's work, given the request, its caller and the path parameters. */
  @FunctionalInterface
  interface Handler {
    Map<String, Object> handle(HttpApiRequest r, Actor actor, Map<String, String> params);
  }

  /** One route: {@code method} on {@code template}; its {@code {name}} segments are parameters. */
  record Route(String method, String template, Handler handler) {
    Route {
      Objects.requireNonNull(method);
      Objects.requireNonNull(template);
      Objects.requireNonNull(handler);
    }

    /** The route's key as API Gateway writes it, e.g. {@code POST /findings/{id}/actions}. */
    String key() {
      return method + " " + template;
    }

    /** True for a method that changes something (anything but GET). */
    boolean writes() {
      return !method.equals("GET");
    }

    /** The parameters of {@code segments} (a path split at '/'), or null when it does not match. */
    Map<String, String> match(String[] segments) {
      var parts = template.split("/");
      if (parts.length != segments.length) {
        return null;
      }
      var params = new LinkedHashMap<String, String>();
      for (int i = 0; i < parts.length; i++) {
        var part = parts[i];
        if (part.startsWith("{") && part.endsWith("}")) {
          params.put(part.substring(1, part.length() - 1), segments[i]);
        } else if (!part.equals(segments[i])) {
          return null;
        }
      }
      return params;
    }
  }

  private final List<Route> routes = new ArrayList<>();
  private final Idempotency idempotency;

  Router(Idempotency idempotency) {
    this.idempotency = Objects.requireNonNull(idempotency);
  }

  /** Adds a route; a second route with the same method and template is a programming error. */
  Router add(String method, String template, Handler handler) {
    var route = new Route(method, template, handler);
    if (routes.stream().anyMatch(r -> r.key().equals(route.key()))) {
      throw new IllegalStateException("route " + route.key() + " declared twice");
    }
    routes.add(route);
    return this;
  }

  /** Every route, in declaration order. */
  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Answers {@code r} by its route's handler; throws the request's refusal. */
  Map<String, Object> dispatch(HttpApiRequest r) {
    var path = path(r);
    var segments = path.split("/");
    var allowed = new LinkedHashSet<String>();
    Route found = null;
    Map<String, String> params = null;
    for (var route : routes) {
      var p = route.match(segments);
      if (p == null) {
        continue;
      }
      allowed.add(route.method());
      if (found == null && route.method().equals(r.method())) {
        found = route;
        params = p;
      }
    }
    if (allowed.isEmpty()) {
      throw r.noRoute();
    }
    if (found == null) {
      r.allow(allowed.toArray(String[]::new));
    }
    var actor = r.identify();
    var route = found;
    var arguments = params;
    if (route.method().equals("POST")) {
      return idempotency.run(r, actor, r.method() + " " + path,
          () -> route.handler().handle(r, actor, arguments));
    }
    return route.handler().handle(r, actor, arguments);
  }

  /** The request's path as routed: without trailing slashes. */
  static String path(HttpApiRequest r) {
    return r.path().replaceAll("/+$", "");
  }
}
