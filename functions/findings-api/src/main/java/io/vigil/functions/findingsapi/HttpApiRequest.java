package io.vigil.functions.findingsapi;

import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event the records API uses: method,
 * path (without a named stage), query parameters, lower-cased headers, the decoded body, the
 * request id and the JWT authorizer's claims; and the checks every route makes of them (method,
 * identity, If-Match, query parameters, JSON body), each refusing with its {@link ApiProblem}.
 */
record HttpApiRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    String requestId,
    Map<String, Object> claims) {

  /** An ETag as the API issues it ({@code "3"}), weak or bare forms accepted. */
  private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"|(\\d{1,18})");

  /** Reads the event's shape; a field of the wrong type is a malformed event (400). */
  static HttpApiRequest of(Map<String, Object> event) {
    var context = map(event.get("requestContext"), "requestContext");
    var http = map(context.get("http"), "requestContext.http");
    var method = text(http.get("method"));
    var path = text(event.get("rawPath"));
    var routeKey = text(event.get("routeKey"));
    if ((method == null || path == null) && routeKey != null && routeKey.contains(" ")) {
      var parts = routeKey.split(" ", 2);
      method = method == null ? parts[0] : method;
      path = path == null ? parts[1] : path;
    }
    if (path == null) {
      path = text(http.get("path"));
    }
    if (method == null || path == null) {
      throw ApiProblem.invalid("requestContext.http", "not an API Gateway HTTP API event: it has"
          + " no method and path");
    }
    var stage = text(context.get("stage"));
    if (stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
      path = path.substring(stage.length() + 1);
    }
    var headers = new LinkedHashMap<String, String>();
    map(event.get("headers"), "headers").forEach((k, v) -> {
      if (v != null) {
        headers.put(k.toLowerCase(Locale.ROOT), String.valueOf(v));
      }
    });
    var query = new LinkedHashMap<String, String>();
    map(event.get("queryStringParameters"), "queryStringParameters").forEach((k, v) -> {
      if (v != null) {
        query.put(k, String.valueOf(v));
      }
    });
    byte[] body = null;
    var rawBody = event.get("body");
    if (rawBody != null) {
      var s = String.valueOf(rawBody);
      if (Boolean.TRUE.equals(event.get("isBase64Encoded"))
          || "true".equals(String.valueOf(event.get("isBase64Encoded")))) {
        try {
          body = Base64.getDecoder().decode(s.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
          throw ApiProblem.invalid("body", "the body is marked base64-encoded but is not base64");
        }
      } else {
        body = s.getBytes(StandardCharsets.UTF_8);
      }
    }
    var authorizer = map(context.get("authorizer"), "requestContext.authorizer");
    var jwt = map(authorizer.get("jwt"), "requestContext.authorizer.jwt");
    var claims = map(jwt.get("claims"), "requestContext.authorizer.jwt.claims");
    return new HttpApiRequest(method.toUpperCase(Locale.ROOT), path, query, headers, body,
        text(context.get("requestId")), claims);
  }

  /**
   * The caller from the JWT claims: {@code sub} (required), {@code email}, and the roles named
   * by {@code groups} or {@code cognito:groups} (a JSON array, or a string of names separated by
   * spaces or commas, optionally in brackets as API Gateway flattens arrays). Unknown group names
   * are ignored. Empty when there is no subject.
   */
  Optional<Actor> actor() {
    var sub = text(claims.get("sub"));
    if (sub == null || sub.isBlank()) {
      return Optional.empty();
    }
    var roles = EnumSet.noneOf(Role.class);
    for (var key : List.of("groups", "cognito:groups")) {
      var value = claims.get(key);
      if (value instanceof List<?> list) {
        list.forEach(g -> Role.fromClaim(String.valueOf(g)).ifPresent(roles::add));
      } else if (value != null) {
        var s = String.valueOf(value).trim();
        if (s.startsWith("[") && s.endsWith("]")) {
          s = s.substring(1, s.length() - 1);
        }
        for (var g : s.split("[\\s,]+")) {
          var name = g.replace("\"", "").trim();
          if (!name.isEmpty()) {
            Role.fromClaim(name).ifPresent(roles::add);
          }
        }
      }
    }
    var email = text(claims.get("email"));
    return Optional.of(new Actor(sub.trim(), email == null ? null : email.trim(), roles));
  }

  String header(String name) {
    return headers.get(name);
  }

  /** The caller; 401 when the request carries no identity. */
  Actor identify() {
    return actor().orElseThrow(() -> new ApiProblem(401, "unauthenticated",
        "Unauthenticated", "the request carries no identity: call the API with a JWT whose"
            + " claims hold 'sub' (and 'email', 'groups')", null,
        Map.of("www-authenticate", "Bearer")));
  }

  /** 405 (with {@code Allow}) unless the method is one of {@code methods}. */
  void allow(String... methods) {
    for (var m : methods) {
      if (m.equals(method)) {
        return;
      }
    }
    throw new ApiProblem(405, "method-not-allowed", "Method not allowed", method + " is not"
        + " allowed on " + path + "; allowed: " + String.join(", ", methods), null,
        Map.of("allow", String.join(", ", methods)));
  }

  /** The 404 for a path no route serves. */
  ApiProblem noRoute() {
    return new ApiProblem(404, "no-such-route", "Not found", "no route " + method + " " + path
        + "; see the API's routes under /findings, /audits, /registers and /soa", null,
        Map.of());
  }

  /** The version named by {@code If-Match}: 428 when missing, 400 when it is not an ETag. */
  long ifMatch() {
    var h = header("if-match");
    if (h == null || h.isBlank()) {
      throw new ApiProblem(428, "precondition-required", "Precondition required", "an update"
          + " must carry If-Match with the ETag of the version it read (GET it first)", null,
          Map.of());
    }
    var m = ETAG.matcher(h.trim());
    if (!m.matches()) {
      throw ApiProblem.invalid("If-Match", "If-Match must be the ETag of the version read, e.g."
          + " \"3\"; got " + h);
    }
    return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /** 400 naming the first query parameter that is not in {@code allowed}. */
  void allowParams(Set<String> allowed) {
    for (var name : query.keySet()) {
      if (!allowed.contains(name)) {
        throw ApiProblem.invalid(name, "unknown query parameter '" + name + "'; allowed: "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** A query parameter, trimmed; null when absent or blank. */
  String param(String name) {
    var v = query.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /**
   * The body as a JSON tree; null when there is none and it is not {@code required}. 413 over
   * {@link FindingsApi#MAX_BODY_BYTES}, 415 when the content type is not JSON, 400 when the body
   * is missing or not JSON.
   */
  Object json(boolean required) {
    return json(required, FindingsApi.MAX_BODY_BYTES);
  }

  /** As {@link #json(boolean)}, with a route's own body limit of {@code maxBytes}. */
  Object json(boolean required, int maxBytes) {
    if (body != null && body.length > maxBytes) {
      throw new ApiProblem(413, "payload-too-large", "Payload too large", "the body has "
          + body.length + " bytes; the limit is " + maxBytes, "body", Map.of());
    }
    var type = header("content-type");
    if (type != null) {
      var mime = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (!mime.equals(FindingsApi.JSON) && !mime.endsWith("+json")) {
        throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "the body"
            + " must be JSON (Content-Type: application/json), not " + mime, "content-type",
            Map.of());
      }
    }
    if (body == null || body.length == 0) {
      if (required) {
        throw ApiProblem.invalid("body", "the request needs a JSON object body");
      }
      return null;
    }
    try {
      return JsonText.parse(new String(body, StandardCharsets.UTF_8));
    } catch (JsonText.SyntaxException e) {
      throw ApiProblem.invalid("body", "the body is not valid JSON: " + e.getMessage());
    }
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String name) {
    if (o == null) {
      return Map.of();
    }
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw ApiProblem.invalid(name, "'" + name + "' must be an object");
  }
}
