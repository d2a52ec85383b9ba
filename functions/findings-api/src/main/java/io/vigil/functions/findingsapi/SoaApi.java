package io.vigil.functions.findingsapi;

import io.vigil.domain.access.Actor;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.register.SoaExport;
import io.vigil.domain.register.SoaService;
import io.vigil.domain.register.SoaVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Statement of Applicability routes of the records API (6.1.3 d), under {@code /soa}, on
 * {@link SoaService}: the current SoA generated from the Annex A catalogue, the decisions of
 * {@code /registers/soa-decisions}, the evidence and the registers; its approval as an immutable
 * numbered version; and the approved versions, byte for byte as approved.
 *
 * <table>
 *   <caption>routes</caption>
 *   <tr><td>GET /soa</td><td>the current SoA; {@code format} = json (default), csv or
 *       html</td></tr>
 *   <tr><td>POST /soa/approvals</td><td>the ISMS manager approves the current SoA as the next
 *       version: 201, Location, {version, sha256, approvedBy, approvedAt}; 400 naming
 *       {@code justification} while a control has no decision</td></tr>
 *   <tr><td>GET /soa/versions</td><td>{items: [{version, approvedBy, approvedAt, sha256}]},
 *       oldest first</td></tr>
 *   <tr><td>GET /soa/versions/{n}</td><td>an approved version; {@code format} as above; its
 *       JSON is exactly what was approved (its SHA-256 is the version's {@code sha256})</td></tr>
 * </table>
 */
final class SoaApi {

  static final String CSV = "text/csv; charset=utf-8";

  private static final Set<String> FORMAT_PARAMS = Set.of("format");

  /** What a SoA route answers. */
  enum Format {
    JSON,
    CSV,
    HTML
  }

  private final SoaService service;

  SoaApi(SoaService service) {
    this.service = Objects.requireNonNull(service);
  }

  /** Declares the {@code /soa} routes. */
  void routes(Router router) {
    router.add("GET", "/soa", (r, actor, p) -> current(r, actor))
        .add("POST", "/soa/approvals", (r, actor, p) -> approve(r, actor))
        .add("GET", "/soa/versions", (r, actor, p) -> {
          r.allowParams(Set.of());
          return versions(actor);
        })
        .add("GET", "/soa/versions/{number}", (r, actor, p) -> {
          int number = number(p.get("number"));
          r.allowParams(FORMAT_PARAMS);
          var format = format(r);
          return render(service.version(number, actor), format);
        });
  }

  private Map<String, Object> current(HttpApiRequest r, Actor actor) {
    r.allowParams(FORMAT_PARAMS);
    var format = format(r);
    return render(service.generate(actor), format);
  }

  private Map<String, Object> approve(HttpApiRequest r, Actor actor) {
    var body = r.json(false);
    if (body != null) {
      Body.of(body, Set.of());
    }
    var v = service.approve(actor);
    return Responses.json(201, approval(v.number(), v.approvedBy(), v.approvedAt().toString(),
        v.sha256()), Map.of("location", "/soa/versions/" + v.number()));
  }

  private Map<String, Object> versions(Actor actor) {
    var items = new ArrayList<Map<String, Object>>();
    int count = service.latestVersion(actor).map(SoaVersion::number).orElse(0);
    for (int n = 1; n <= count; n++) {
      // read through the service, which checks each version against its SHA-256 (an altered one
      // is never listed): the canonical JSON of what it read is the approved JSON, so it hashes
      // to the version's sha256
      var soa = service.version(n, actor);
      items.add(approval(n, (String) soa.get("approvedBy"), (String) soa.get("approvedAt"),
          Sha256.of(CanonicalJson.bytes(soa)).hex()));
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", items);
    return Responses.json(200, body, Map.of());
  }

  private static Map<String, Object> approval(int number, String by, String at, String sha) {
    var m = new LinkedHashMap<String, Object>();
    m.put("version", number);
    m.put("sha256", sha);
    m.put("approvedBy", by);
    m.put("approvedAt", at);
    return m;
  }

  private static Map<String, Object> render(Map<String, Object> soa, Format format) {
    return switch (format) {
      // canonical JSON: for an approved version exactly the bytes that were approved
      case JSON -> Responses.text(200, FindingsApi.JSON, CanonicalJson.write(soa), Map.of());
      case CSV -> Responses.text(200, CSV, SoaExport.csv(soa), Map.of());
      case HTML -> Responses.text(200, AuditsApi.HTML, SoaExport.html(soa), Map.of());
    };
  }

  private static Format format(HttpApiRequest r) {
    var format = r.param("format");
    if (format == null) {
      return Format.JSON;
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> Format.JSON;
      case "csv" -> Format.CSV;
      case "html" -> Format.HTML;
      default -> throw ApiProblem.invalid("format", "'" + format + "' is not an SoA format; one"
          + " of json, csv, html");
    };
  }

  private static int number(String text) {
    if (text.matches("[1-9]\\d{0,8}")) {
      return Integer.parseInt(text);
    }
    throw ApiProblem.invalid("version", "'" + text + "' is not an SoA version number (1, 2, ...)");
  }
}
