package io.vigil.functions.findingsapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, as an RFC 9457 problem: HTTP status, a type slug (the problem type
 * URI is {@value #TYPE_BASE} + slug), a title per type, the detail of this occurrence, and for
 * 400s the offending field. Thrown by the router's validation before anything is written.
 */
public final class ApiProblem extends RuntimeException {

  /** Base of the problem type URIs. */
  public static final String TYPE_BASE = "https://vigil.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;
  private final String field;
  private final Map<String, String> headers;

  ApiProblem(int status, String slug, String title, String detail, String field,
      Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.field = field;
    this.headers = Map.copyOf(headers);
  }

  /** 400: {@code field} is missing, of the wrong type or invalid. */
  static ApiProblem invalid(String field, String detail) {
    return new ApiProblem(400, "invalid-request", "Invalid request", detail, field, Map.of());
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  /** The offending field (400s), or null. */
  public String field() {
    return field;
  }

  /** Extra response headers, e.g. {@code allow} on a 405. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A copy with one more response header. */
  ApiProblem withHeader(String name, String value) {
    var h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiProblem(status, slug, title, getMessage(), field, h);
  }
}
