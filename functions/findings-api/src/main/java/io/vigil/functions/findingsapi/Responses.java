package io.vigil.functions.findingsapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API Gateway HTTP API (payload format 2.0) responses the records API answers:
 * {@code statusCode}, {@code headers}, {@code body}, never base64-encoded.
 */
final class Responses {

  private Responses() {}

  /** A JSON body ({@code application/json}) with extra {@code headers}. */
  static Map<String, Object> json(int status, Object body, Map<String, String> headers) {
    return text(status, FindingsApi.JSON, JsonText.write(body), headers);
  }

  /** A text body of {@code contentType} with extra {@code headers}. */
  static Map<String, Object> text(int status, String contentType, String body,
      Map<String, String> headers) {
    var h = new LinkedHashMap<String, String>();
    h.put("content-type", contentType);
    h.putAll(headers);
    var out = new LinkedHashMap<String, Object>();
    out.put("statusCode", status);
    out.put("headers", h);
    out.put("body", body);
    out.put("isBase64Encoded", false);
    return out;
  }

  /**
   * An RFC 9457 problem ({@code application/problem+json}): type {@link ApiProblem#TYPE_BASE} +
   * {@code slug}, title, status, detail, the request path as {@code instance}, then {@code extra}.
   */
  static Map<String, Object> problem(int status, String slug, String title, String detail,
      String instance, Map<String, String> headers, Map<String, Object> extra) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", ApiProblem.TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.putAll(extra);
    return text(status, FindingsApi.PROBLEM_JSON, JsonText.write(body), headers);
  }
}
