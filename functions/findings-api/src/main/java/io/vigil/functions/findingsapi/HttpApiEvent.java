package io.vigil.functions.findingsapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds an API Gateway HTTP API (payload format 2.0) event as API Gateway sends it to the
 * function behind a JWT authorizer: for the CLI (which calls the handler in-process) and tests.
 * Paths are {@code /findings...}, {@code /audits...}, {@code /registers...} or {@code /soa...}.
 *
 * <pre>{@code
 * HttpApiEvent.request("PATCH", "/findings/F-1").as("u-1", "o@acme.test", "owner")
 *     .header("if-match", "\"0\"").body("{\"status\":\"CORRECTED\",...}").toMap();
 * }</pre>
 */
public final class HttpApiEvent {

  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final String method;
  private final String path;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body;
  private Map<String, Object> claims;

  private HttpApiEvent(String method, String path) {
    this.method = method;
    this.path = path;
    headers.put("accept", "application/json");
    headers.put("host", "api.vigil.example");
    headers.put("user-agent", "vigil-cli");
  }

  /** A request with {@code method} on {@code path} (e.g. {@code /findings/F-1/history}). */
  public static HttpApiEvent request(String method, String path) {
    return new HttpApiEvent(method.toUpperCase(Locale.ROOT), path);
  }

  /** The caller's JWT claims: subject, e-mail and groups (role claims such as "owner"). */
  public HttpApiEvent as(String subject, String email, List<String> groups) {
    claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    if (email != null) {
      claims.put("email", email);
    }
    // API Gateway passes an array claim flattened into a string, like this
    claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
    claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_vigil");
    claims.put("token_use", "access");
    return this;
  }

  /** The request's method, upper case. */
  public String method() {
    return method;
  }

  /** The value of header {@code name} (any case), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public HttpApiEvent query(String name, String value) {
    if (value != null) {
      query.put(name, value);
    }
    return this;
  }

  public HttpApiEvent header(String name, String value) {
    if (value != null) {
      headers.put(name.toLowerCase(Locale.ROOT), value);
    }
    return this;
  }

  /** A JSON body (sets content-type application/json). */
  public HttpApiEvent body(String json) {
    this.body = json;
    headers.put("content-type", "application/json");
    return this;
  }

  /** The event as the Lambda runtime decodes it. */
  public Map<String, Object> toMap() {
    var now = Instant.now();
    var requestId = UUID.randomUUID().toString();
    var e = new LinkedHashMap<String, Object>();
    e.put("version", "2.0");
    e.put("routeKey", method + " " + routeTemplate(path));
    e.put("rawPath", path);
    var qs = new ArrayList<String>();
    query.forEach((k, v) -> qs.add(k + "=" + v));
    e.put("rawQueryString", String.join("&", qs));
    e.put("headers", new LinkedHashMap<>(headers));
    if (!query.isEmpty()) {
      e.put("queryStringParameters", new LinkedHashMap<>(query));
    }
    var params = pathParameters(path);
    if (!params.isEmpty()) {
      e.put("pathParameters", params);
    }
    var ctx = new LinkedHashMap<String, Object>();
    ctx.put("accountId", "123456789012");
    ctx.put("apiId", "vigilapi");
    if (claims != null) {
      ctx.put("authorizer", Map.of("jwt", Map.of("claims", claims,
          "scopes", List.of())));
    }
    ctx.put("domainName", "api.vigil.example");
    ctx.put("domainPrefix", "api");
    var http = new LinkedHashMap<String, Object>();
    http.put("method", method);
    http.put("path", path);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "127.0.0.1");
    http.put("userAgent", "vigil-cli");
    ctx.put("http", http);
    ctx.put("requestId", requestId);
    ctx.put("routeKey", e.get("routeKey"));
    ctx.put("stage", "$default");
    ctx.put("time", TIME.format(now));
    ctx.put("timeEpoch", now.toEpochMilli());
    e.put("requestContext", ctx);
    if (body != null) {
      e.put("body", body);
    }
    e.put("isBase64Encoded", false);
    return e;
  }

  /** The path with its parameters as the API's route keys name them. */
  private static String routeTemplate(String path) {
    var s = path.split("/");
    var names = parameterNames(s);
    for (int i = 0; i < s.length; i++) {
      if (names.get(i) != null) {
        s[i] = "{" + names.get(i) + "}";
      }
    }
    return String.join("/", s);
  }

  /**
   * Findings and audits: {@code id}, then {@code actionId} (findings) or {@code item} (audit
   * conclusions); registers: {@code kind}, {@code id}; SoA versions: {@code number}.
   */
  private static Map<String, String> pathParameters(String path) {
    var s = path.split("/");
    var p = new LinkedHashMap<String, String>();
    parameterNames(s).forEach((i, name) -> p.put(name, s[i]));
    return p;
  }

  /** Segment index → parameter name. */
  private static Map<Integer, String> parameterNames(String[] s) {
    var names = new TreeMap<Integer, String>();
    var resource = s.length >= 2 ? s[1] : "";
    switch (resource) {
      case "registers" -> {
        if (s.length >= 3) {
          names.put(2, "kind");
        }
        if (s.length >= 4) {
          names.put(3, "id");
        }
      }
      case "soa" -> {
        if (s.length >= 4 && s[2].equals("versions")) {
          names.put(3, "number");
        }
      }
      default -> {
        if (s.length >= 3) {
          names.put(2, "id");
        }
        if (s.length >= 5) {
          names.put(4, resource.equals("audits") ? "item" : "actionId");
        }
      }
    }
    return names;
  }
}
