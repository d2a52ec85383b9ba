package io.vigil.functions.findingsapi;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.register.Field;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterService;
import io.vigil.domain.register.RiskMethod;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ISMS register routes of the records API (clauses 4–7, the SoA decisions), under
 * {@code /registers}, on {@link RegisterService}. It declares its routes in the API's
 * {@link Router}; {@link FindingsApi} turns what they throw into problems. Records are read by
 * every role and created and edited by the ISMS manager; a risk's owner approves its treatment and
 * accepts its residual risk; an evidence task's owner (or the ISMS manager) attaches its evidence.
 * Every change names the version it read ({@code If-Match}, 428 without, 412 when stale); a field
 * the register does not have is refused naming it, and nothing is written.
 *
 * <table>
 *   <caption>routes</caption>
 *   <tr><td>GET /registers</td><td>the registers: path, clause, title, singleton, keyed,
 *       idPrefix, fields</td></tr>
 *   <tr><td>GET /registers/{kind}</td><td>{items: [record]}; the risk method Vigil uses while
 *       none is recorded is listed with {@code default: true}</td></tr>
 *   <tr><td>POST /registers/{kind}</td><td>{id?, ...fields}: 201, Location, ETag; {@code id}
 *       only for a keyed register (an SoA decision's control) or a singleton's fixed id; 409 when
 *       that record exists</td></tr>
 *   <tr><td>GET /registers/{kind}/{id}</td><td>the record; ETag</td></tr>
 *   <tr><td>PATCH /registers/{kind}/{id}</td><td>{field: value, ...} ({@code null} clears);
 *       If-Match</td></tr>
 *   <tr><td>GET /registers/{kind}/{id}/history</td><td>every change, oldest first</td></tr>
 *   <tr><td>POST /registers/risks/{id}/approve-treatment</td><td>the risk owner; If-Match</td></tr>
 *   <tr><td>POST /registers/risks/{id}/accept-residual</td><td>the risk owner, after approving
 *       the treatment; If-Match</td></tr>
 *   <tr><td>POST /registers/evidence-tasks/{id}/attachments</td><td>{fileName, mediaType?,
 *       contentBase64, note?} or {reference, note?}; the task's owner or the ISMS manager;
 *       If-Match</td></tr>
 * </table>
 */
final class RegistersApi {

  /** Largest body of an attachment: the file's base64 text and room for the other fields. */
  static final int MAX_ATTACHMENT_BODY_BYTES =
      base64Length(RegisterService.MAX_ATTACHMENT_BYTES) + FindingsApi.MAX_BODY_BYTES;

  private static final Set<String> ATTACHMENT_FIELDS = Set.of("fileName", "mediaType",
      "contentBase64", "reference", "note");
  private static final Pattern MEDIA_TYPE = Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
          + "(\\s*;.{1,200})?");

  private final RegisterService service;
  private final boolean storesFiles;

  /**
   * @param storesFiles whether an evidence vault is configured: without one, evidence files are
   *     refused (attach a reference instead)
   */
  RegistersApi(RegisterService service, boolean storesFiles) {
    this.service = Objects.requireNonNull(service);
    this.storesFiles = storesFiles;
  }

  /** Declares the {@code /registers} routes. */
  void routes(Router router) {
    router.add("GET", "/registers", (r, actor, p) -> kinds(r, actor))
        .add("GET", "/registers/{kind}", (r, actor, p) -> list(r, kind(p.get("kind")), actor))
        .add("POST", "/registers/{kind}", (r, actor, p) -> create(r, kind(p.get("kind")), actor))
        .add("GET", "/registers/{kind}/{id}", (r, actor, p) -> {
          var kind = kind(p.get("kind"));
          return get(kind, recordId(kind, p.get("id")), actor);
        })
        .add("PATCH", "/registers/{kind}/{id}", (r, actor, p) -> {
          var kind = kind(p.get("kind"));
          return update(r, kind, recordId(kind, p.get("id")), actor);
        })
        .add("GET", "/registers/{kind}/{id}/history", (r, actor, p) -> {
          var kind = kind(p.get("kind"));
          return history(kind, recordId(kind, p.get("id")), actor);
        })
        .add("POST", "/registers/" + RegisterKind.RISK.path() + "/{id}/approve-treatment",
            (r, actor, p) -> approval(r, p.get("id"), true, actor))
        .add("POST", "/registers/" + RegisterKind.RISK.path() + "/{id}/accept-residual",
            (r, actor, p) -> approval(r, p.get("id"), false, actor))
        .add("POST", "/registers/" + RegisterKind.EVIDENCE_TASK.path() + "/{id}/attachments",
            (r, actor, p) -> {
              var id = recordId(RegisterKind.EVIDENCE_TASK, p.get("id"));
              long version = r.ifMatch();
              return attach(r, id, version, actor);
            });
  }

  /** The registers there are (every role reads them). */
  private static Map<String, Object> kinds(HttpApiRequest r, Actor actor) {
    if (actor.roles().isEmpty()) {
      throw new AccessDeniedException(actor.label() + " has no Vigil role and may not read the"
          + " registers");
    }
    r.allowParams(Set.of());
    var body = new LinkedHashMap<String, Object>();
    body.put("items", Arrays.stream(RegisterKind.values()).map(Representations::registerKind)
        .toList());
    return Responses.json(200, body, Map.of());
  }

  /** A risk owner's approval of the treatment ({@code treatment}) or of the residual risk. */
  private Map<String, Object> approval(HttpApiRequest r, String riskId, boolean treatment,
      Actor actor) {
    var id = recordId(RegisterKind.RISK, riskId);
    long version = r.ifMatch();
    var body = r.json(false);
    if (body != null) {
      Body.of(body, Set.of());
    }
    var view = treatment ? service.approveTreatment(id, version, actor)
        : service.acceptResidual(id, version, actor);
    return record(200, view, Map.of());
  }

  private Map<String, Object> list(HttpApiRequest r, RegisterKind kind, Actor actor) {
    r.allowParams(Set.of());
    var items = service.list(kind, actor).stream().map(Representations::register).toList();
    if (kind == RegisterKind.RISK_METHOD && items.isEmpty()) {
      items = List.of(Representations.defaultRiskMethod(
          RiskMethod.defaults().toFields()));
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", items);
    return Responses.json(200, body, Map.of());
  }

  private Map<String, Object> get(RegisterKind kind, String id, Actor actor) {
    if (kind == RegisterKind.RISK_METHOD && id.equals(kind.ids().singleton())) {
      // the default method while none is recorded (every role reads it)
      if (service.list(kind, actor).isEmpty()) {
        return Responses.json(200, Representations.defaultRiskMethod(
            RiskMethod.defaults().toFields()), Map.of());
      }
    }
    return record(200, service.get(kind, id, actor), Map.of());
  }

  private Map<String, Object> create(HttpApiRequest r, RegisterKind kind, Actor actor) {
    var tree = r.json(true);
    if (!(tree instanceof Map<?, ?> map)) {
      throw ApiProblem.invalid("body", "the body must be a JSON object");
    }
    var fields = new LinkedHashMap<String, Object>();
    map.forEach((k, v) -> fields.put(String.valueOf(k), v));
    var given = fields.remove("id");
    if (given != null && !(given instanceof String)) {
      throw ApiProblem.invalid("id", "field 'id' must be a string");
    }
    var id = (String) given;
    if (kind == RegisterKind.SOA_DECISION && id != null) {
      controlId(id);
    }
    RegisterService.View view;
    try {
      view = service.create(kind, id, fields, actor);
    } catch (IllegalStateException exists) {
      // the store refuses a second record with a singleton's or a keyed record's id
      var taken = kind.singleton() ? kind.ids().singleton() : id;
      throw new ApiProblem(409, "already-exists", "Already exists", "a " + kind.path()
          + " record " + taken + " exists; change it with PATCH /registers/" + kind.path() + "/"
          + taken, "id", Map.of());
    }
    return record(201, view, Map.of("location", location(view)));
  }

  private Map<String, Object> update(HttpApiRequest r, RegisterKind kind, String id,
      Actor actor) {
    long version = r.ifMatch();
    var tree = r.json(true);
    Body.of(tree, kind.schema().fields().stream().map(Field::name)
        .collect(Collectors.toSet()));
    @SuppressWarnings("unchecked")
    var changes = (Map<String, Object>) tree;
    return record(200, service.update(kind, id, version, changes, actor), Map.of());
  }

  private Map<String, Object> history(RegisterKind kind, String id, Actor actor) {
    var entries = service.history(kind, id, actor);
    var body = new LinkedHashMap<String, Object>();
    body.put("kind", kind.path());
    body.put("id", id);
    body.put("items", entries.stream().map(Representations::registerHistory).toList());
    return Responses.json(200, body, Map.of());
  }

  private Map<String, Object> attach(HttpApiRequest r, String id, long version, Actor actor) {
    var b = Body.of(r.json(true, MAX_ATTACHMENT_BODY_BYTES), ATTACHMENT_FIELDS);
    var base64 = b.string("contentBase64", false, MAX_ATTACHMENT_BODY_BYTES);
    var reference = b.string("reference", false, 2_000);
    var fileName = b.string("fileName", false, 255);
    var mediaType = b.string("mediaType", false, 255);
    var note = b.string("note", false, 2_000);
    if (base64 == null && reference == null) {
      throw ApiProblem.invalid("contentBase64", "attach a file (fileName and contentBase64) or"
          + " a reference to evidence kept elsewhere (reference)");
    }
    if (base64 != null && reference != null) {
      throw ApiProblem.invalid("reference", "attach either a file (contentBase64) or a"
          + " reference, not both");
    }
    RegisterService.Attachment attachment;
    if (reference != null) {
      for (var fileOnly : new String[] {"fileName", "mediaType"}) {
        if (b.has(fileOnly)) {
          throw ApiProblem.invalid(fileOnly, "'" + fileOnly + "' describes an attached file;"
              + " a reference has none");
        }
      }
      attachment = new RegisterService.Attachment(null, null, null, reference, note);
    } else {
      if (fileName == null) {
        throw ApiProblem.invalid("fileName", "field 'fileName' is required with contentBase64");
      }
      if (mediaType != null && !MEDIA_TYPE.matcher(mediaType).matches()) {
        throw ApiProblem.invalid("mediaType", "'" + mediaType + "' is not a media type (e.g."
            + " application/pdf)");
      }
      var content = decode(base64);
      attachment = new RegisterService.Attachment(fileName, mediaType, content, null, note);
    }
    try {
      return record(200, service.attachEvidence(id, version, attachment, actor), Map.of());
    } catch (IllegalStateException noVault) {
      if (reference == null && !storesFiles) {
        throw ApiProblem.invalid("contentBase64", "this deployment stores no evidence files (no"
            + " evidence bucket is configured): attach a reference to where the evidence is"
            + " kept instead");
      }
      throw noVault;
    }
  }

  private static byte[] decode(String base64) {
    byte[] content;
    try {
      content = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("contentBase64", "contentBase64 is not base64 (RFC 4648, with"
          + " padding): " + e.getMessage());
    }
    if (content.length == 0) {
      throw ApiProblem.invalid("contentBase64", "the attached file is empty");
    }
    if (content.length > RegisterService.MAX_ATTACHMENT_BYTES) {
      throw new ApiProblem(413, "payload-too-large", "Payload too large", "the file has "
          + content.length + " bytes; the limit is " + RegisterService.MAX_ATTACHMENT_BYTES
          + ": store it elsewhere and attach a reference", "contentBase64", Map.of());
    }
    return content;
  }

  private static Map<String, Object> record(int status, RegisterService.View view,
      Map<String, String> headers) {
    var h = new LinkedHashMap<String, String>(headers);
    h.put("etag", Representations.etag(view.record().version()));
    return Responses.json(status, Representations.register(view), h);
  }

  private static String location(RegisterService.View view) {
    return "/registers/" + view.record().kind().path() + "/" + view.record().id();
  }

  /** The register at {@code path}; 404 naming the registers there are. */
  private static RegisterKind kind(String path) {
    return RegisterKind.fromPath(path).filter(k -> k.path().equals(path))
        .orElseThrow(() -> new ApiProblem(404, "not-found", "Not found", "no register '" + path
            + "'; the registers are " + Arrays.stream(RegisterKind.values())
                .map(RegisterKind::path).collect(Collectors.joining(", ")), null, Map.of()));
  }

  private static String recordId(RegisterKind kind, String text) {
    if (!RegisterRecord.ID.matcher(text).matches()) {
      throw ApiProblem.invalid("id", "'" + text + "' is not a record id (letters, digits, '.',"
          + " '-'; up to 64)");
    }
    if (kind == RegisterKind.SOA_DECISION) {
      controlId(text);
    }
    return text;
  }

  /** An SoA decision's id: an Annex A 2022 control as the SoA writes it ("A.8.24"). */
  private static void controlId(String text) {
    try {
      var id = ControlId.parse(text);
      if (id.toString().equals(text) && AnnexACatalogue.standard().find(id).isPresent()) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ApiProblem.invalid("id", "an SoA decision is keyed by its Annex A 2022 control, written"
        + " as in the catalogue (\"A.5.1\" .. \"A.8.34\"), not '" + text + "'");
  }

  private static int base64Length(int bytes) {
    return 4 * ((bytes + 2) / 3);
  }
}
