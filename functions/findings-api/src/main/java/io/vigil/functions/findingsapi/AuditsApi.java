package io.vigil.functions.findingsapi;

import io.vigil.domain.access.Actor;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.audit.AuditService.ConclusionInput;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.Conclusion;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audit records routes of the records API (clause 9.2.2), under {@code /audits}, on
 * {@link AuditService}. It declares its routes in the API's {@link Router}; {@link FindingsApi}
 * turns what they throw into problems: a step the audit's state does not allow is 409 with the
 * audit's status as {@code auditStatus} ({@code status} is the problem's HTTP status), a stale
 * {@code If-Match} 412. Every change names the version it read ({@code If-Match}, 428 without);
 * repeating a change that is already recorded answers the audit as it is and writes nothing.
 *
 * <table>
 *   <caption>routes</caption>
 *   <tr><td>GET /audits</td><td>{@code from}, {@code to} (YYYY-MM-DD; default today − 12 months
 *       to today + 12 months), {@code status} (comma-separated); answers {items}</td></tr>
 *   <tr><td>GET /audits/{id}</td><td>the audit; ETag</td></tr>
 *   <tr><td>POST /audits/{id}/start</td><td>PLANNED → IN_PROGRESS; If-Match</td></tr>
 *   <tr><td>PUT /audits/{id}/conclusions/{item}</td><td>{conclusion, notes, evidence, owner,
 *       dueDate}; a conclusion other than CONFORMING raises a finding; If-Match</td></tr>
 *   <tr><td>POST /audits/{id}/complete</td><td>{summary}; every item concluded; stores the
 *       report; If-Match</td></tr>
 *   <tr><td>POST /audits/{id}/cancel</td><td>{reason}; a planned audit; If-Match</td></tr>
 *   <tr><td>GET /audits/{id}/report</td><td>HTML; Markdown with {@code Accept: text/markdown}
 *       or {@code format=md}; the report document (without its HTML) with
 *       {@code format=json}</td></tr>
 * </table>
 */
final class AuditsApi {

  static final String HTML = "text/html; charset=utf-8";
  static final String MARKDOWN = "text/markdown; charset=utf-8";

  /** Audit ids as the planner writes them, e.g. {@code AUD-2027-03-15-1a2b3c4d}. */
  private static final Pattern AUDIT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int LIST_WINDOW_MONTHS = 12;

  private static final Set<String> LIST_PARAMS = Set.of("from", "to", "status");
  private static final Set<String> REPORT_PARAMS = Set.of("format");
  private static final Set<String> CONCLUSION_FIELDS = Set.of("conclusion", "notes", "evidence",
      "owner", "dueDate");
  private static final Set<String> COMPLETE_FIELDS = Set.of("summary");
  private static final Set<String> CANCEL_FIELDS = Set.of("reason");

  /** What {@code GET /audits/{id}/report} answers. */
  enum ReportFormat {
    HTML,
    MARKDOWN,
    JSON
  }

  private final AuditService service;
  private final Clock clock;

  AuditsApi(AuditService service, Clock clock) {
    this.service = Objects.requireNonNull(service);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Declares the {@code /audits} routes. */
  void routes(Router router) {
    router.add("GET", "/audits", (r, actor, p) -> list(r, actor))
        .add("GET", "/audits/{id}", (r, actor, p) -> audit(service.get(auditId(p.get("id")),
            actor)))
        .add("GET", "/audits/{id}/report",
            (r, actor, p) -> report(r, auditId(p.get("id")), actor))
        .add("POST", "/audits/{id}/start", (r, actor, p) -> {
          var id = auditId(p.get("id"));
          long version = r.ifMatch();
          var body = r.json(false);
          if (body != null) {
            Body.of(body, Set.of());
          }
          return audit(service.start(id, version, actor));
        })
        .add("POST", "/audits/{id}/complete", (r, actor, p) -> {
          var id = auditId(p.get("id"));
          long version = r.ifMatch();
          var body = r.json(false);
          var summary = body == null ? null
              : Body.of(body, COMPLETE_FIELDS).string("summary", false);
          return audit(service.complete(id, version, summary, actor));
        })
        .add("POST", "/audits/{id}/cancel", (r, actor, p) -> {
          var id = auditId(p.get("id"));
          long version = r.ifMatch();
          return audit(service.cancel(id, version,
              Body.of(r.json(true), CANCEL_FIELDS).string("reason", true), actor));
        })
        .add("PUT", "/audits/{id}/conclusions/{item}", (r, actor, p) -> {
          var id = auditId(p.get("id"));
          var item = item(p.get("item"));
          long version = r.ifMatch();
          return audit(service.conclude(id, version, conclusion(r, item), actor));
        });
  }

  private Map<String, Object> list(HttpApiRequest r, Actor actor) {
    r.allowParams(LIST_PARAMS);
    var today = clock.today();
    var from = r.param("from") == null ? today.minusMonths(LIST_WINDOW_MONTHS)
        : Body.parseDate("from", r.param("from"));
    var to = r.param("to") == null ? today.plusMonths(LIST_WINDOW_MONTHS)
        : Body.parseDate("to", r.param("to"));
    var statuses = EnumSet.noneOf(AuditStatus.class);
    if (r.param("status") != null) {
      for (var s : r.param("status").split(",", -1)) {
        statuses.add(Body.parseEnum("status", s, AuditStatus.class));
      }
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", service.list(from, to, statuses, actor).stream()
        .map(a -> Representations.audit(a, today)).toList());
    return Responses.json(200, body, Map.of());
  }

  private static ConclusionInput conclusion(HttpApiRequest r, String item) {
    var b = Body.of(r.json(true), CONCLUSION_FIELDS);
    var conclusion = b.enumValue("conclusion", Conclusion.class, true);
    var notes = b.string("notes", false);
    var evidence = b.strings("evidence", false);
    var owner = b.string("owner", false, 254);
    var dueDate = b.date("dueDate", false);
    if (conclusion == Conclusion.CONFORMING) {
      // a conforming item raises no finding: an owner or due date would be dropped silently
      for (var field : new String[] {"owner", "dueDate"}) {
        if (b.has(field)) {
          throw ApiProblem.invalid(field, "'" + field + "' is the owner or due date of the"
              + " finding a nonconformity, observation or opportunity raises; a CONFORMING item"
              + " raises none");
        }
      }
    }
    return new ConclusionInput(item, conclusion, notes, evidence, owner, dueDate);
  }

  private Map<String, Object> report(HttpApiRequest r, String id, Actor actor) {
    r.allowParams(REPORT_PARAMS);
    var format = reportFormat(r);
    var report = service.report(id, actor);
    var vary = Map.of("vary", "accept");
    return switch (format) {
      case HTML -> Responses.text(200, HTML, report.html(), vary);
      case MARKDOWN -> Responses.text(200, MARKDOWN, report.markdown(), vary);
      case JSON -> {
        var document = new LinkedHashMap<>(report.document());
        document.remove("html");
        yield Responses.json(200, document, vary);
      }
    };
  }

  /** {@code format} (html, md, json), else {@code Accept: text/markdown}, else HTML. */
  private static ReportFormat reportFormat(HttpApiRequest r) {
    var format = r.param("format");
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "html" -> ReportFormat.HTML;
        case "md", "markdown" -> ReportFormat.MARKDOWN;
        case "json" -> ReportFormat.JSON;
        default -> throw ApiProblem.invalid("format", "'" + format + "' is not a report format;"
            + " one of html, md, json");
      };
    }
    var accept = r.header("accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/markdown")
        ? ReportFormat.MARKDOWN : ReportFormat.HTML;
  }

  private Map<String, Object> audit(AuditRecord a) {
    return Responses.json(200, Representations.audit(a, clock.today()),
        Map.of("etag", Representations.etag(a.version())));
  }

  private static String auditId(String text) {
    if (!AUDIT_ID.matcher(text).matches()) {
      throw ApiProblem.invalid("id", "'" + text + "' is not an audit id (e.g."
          + " AUD-2027-03-15-1a2b3c4d)");
    }
    return text;
  }

  /** An ISMS clause ("9.2") or Annex A control ("A.8.24") as the plan writes it. */
  private static String item(String text) {
    try {
      var canonical = text.startsWith("A.") ? ControlId.parse(text).toString()
          : ClauseId.parse(text).toString();
      if (canonical.equals(text)) {
        return text;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ApiProblem.invalid("item", "'" + text + "' is not an audit item: an ISMS clause"
        + " (e.g. 9.2) or an Annex A control (e.g. A.8.24)");
  }
}
