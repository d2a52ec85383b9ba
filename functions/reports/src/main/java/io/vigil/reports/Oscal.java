package io.vigil.reports;

import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.FindingId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What Vigil's OSCAL documents share: the OSCAL version, the identifiers, deterministic UUIDs and
 * the escaping of recorded text.
 *
 * <h2>Control identifiers</h2>
 * NIST publishes no OSCAL catalog of ISO/IEC 27001:2022, so Vigil names its requirements the way
 * OSCAL catalogs name controls (lower case, a letter first — an OSCAL token) and documents the
 * mapping here and in every document's metadata remarks:
 * <ul>
 *   <li>Annex A control {@code A.8.24} → control-id {@code a.8.24};</li>
 *   <li>ISMS clause {@code 9.2} → control-id {@code clause.9.2};</li>
 *   <li>a finding's target is the control's whole statement, {@code <control-id>_smt}
 *       ({@code a.8.24_smt}), with {@code target.type} {@code statement-id} — the convention of
 *       NIST's OSCAL catalogs, where {@code <control-id>_smt} is a control's top-level
 *       statement.</li>
 * </ul>
 *
 * <h2>UUIDs</h2>
 * Every UUID is a name-based version 5 UUID (RFC 4122, SHA-1) in Vigil's namespace of a stable
 * name ({@code observation/<account>#<check>#<resource>/<observed>}, {@code risk/F-12}, …), so the
 * same inputs always give the same document, and the same finding keeps its risk UUID across the
 * assessment results and the POA&amp;M. A document's own UUID is derived from its content: it
 * changes exactly when the content does.
 *
 * <h2>Evidence</h2>
 * Evidence objects are referred to by their vault address, {@code vigil:evidence/sha256/<hex>},
 * and listed in the back matter with their SHA-256 hash.
 */
public final class Oscal {

  /** The OSCAL version of the documents; the schemas of liboscal-java 3.0.3 are 1.1.2. */
  public static final String OSCAL_VERSION = "1.1.2";

  /** Namespace of Vigil's own property names. */
  public static final String NS = "urn:vigil:oscal";

  /** The namespace of Vigil's name-based UUIDs: v5 of {@code urn:vigil:oscal} in the URL space. */
  public static final UUID NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
      NS);

  /** The component (tool) that made every observation: Vigil. */
  static final String TOOL_UUID = uuid("component/vigil");

  static final String MAPPING_REMARKS = "Requirement identifiers: ISO/IEC 27001:2022 Annex A"
      + " control A.n.m is control-id a.n.m (A.8.24 is a.8.24); ISMS clause n.m is control-id"
      + " clause.n.m; a finding targets the whole control statement <control-id>_smt."
      + " Evidence is referred to by its address in Vigil's evidence vault,"
      + " vigil:evidence/sha256/<hex>, the SHA-256 of its canonical JSON.";

  private Oscal() {}

  /** A name-based (version 5) UUID of {@code name} in Vigil's namespace. */
  public static String uuid(String name) {
    return v5(NAMESPACE, name).toString();
  }

  static UUID v5(UUID namespace, String name) {
    try {
      var sha1 = MessageDigest.getInstance("SHA-1");
      var ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
          .putLong(namespace.getLeastSignificantBits()).array();
      sha1.update(ns);
      sha1.update(name.getBytes(StandardCharsets.UTF_8));
      var h = sha1.digest();
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      var b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-1", e);
    }
  }

  /** {@code A.8.24} → {@code a.8.24}. */
  public static String controlId(ControlId control) {
    return "a." + control.canonical();
  }

  /** {@code 9.2} → {@code clause.9.2}. */
  public static String controlId(ClauseId clause) {
    return "clause." + clause.value();
  }

  /** The control's whole statement: {@code a.8.24_smt}. */
  public static String statementId(String controlId) {
    return controlId + "_smt";
  }

  /** The vault address of a piece of evidence: {@code vigil:evidence/sha256/<hex>}. */
  public static String evidenceUri(Sha256 sha) {
    return "vigil:evidence/sha256/" + sha.hex();
  }

  /** The risk a finding stands for, the same UUID in the assessment results and the POA&M. */
  public static String riskUuid(FindingId finding) {
    return uuid("risk/" + finding.value());
  }

  /** OSCAL date-time: UTC, whole seconds. */
  static String dateTime(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String dateTime(LocalDate day) {
    return dateTime(day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /**
   * Recorded text for an OSCAL markup field (Markdown): the characters that format, link or
   * embed HTML are escaped; control characters become spaces (line breaks stay); never empty,
   * no outer blanks.
   */
  static String markup(String s) {
    var text = s == null ? "" : s.replace("\r\n", "\n")
        .replaceAll("[\\p{Cntrl}\u0085\u2028\u2029&&[^\\n]]", " ").strip();
    if (text.isEmpty()) {
      return "-";
    }
    var out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_{}[]<>#|!~&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    // a leading list, quote or heading mark
    if ("-+=".indexOf(out.charAt(0)) >= 0) {
      out.insert(0, '\\');
    }
    return out.toString();
  }

  /** One line of markup (titles). */
  static String markupLine(String s) {
    return markup(oneLine(s));
  }

  /**
   * A plain OSCAL string on one line (property values, versions): control characters and line
   * breaks become spaces, no outer blanks, never empty ("-" for nothing).
   */
  static String oneLine(String s) {
    var t = s == null ? "" : s.replaceAll("[\\p{Cntrl}\u0085\u2028\u2029]+", " ").strip();
    return t.isEmpty() ? "-" : t;
  }

  /** A property in Vigil's namespace. */
  static Map<String, Object> prop(String name, String value) {
    var p = new LinkedHashMap<String, Object>();
    p.put("name", name);
    p.put("ns", NS);
    p.put("value", oneLine(value));
    return p;
  }

  static Map<String, Object> metadata(String title, Instant lastModified, String version) {
    var m = new LinkedHashMap<String, Object>();
    m.put("title", markupLine(title));
    m.put("last-modified", dateTime(lastModified));
    m.put("version", oneLine(version));
    m.put("oscal-version", OSCAL_VERSION);
    m.put("props", List.of(prop("generator", "Vigil")));
    m.put("remarks", markup(MAPPING_REMARKS));
    return m;
  }

  /** The component that made the observations: Vigil, as a software tool. */
  static Map<String, Object> toolComponent() {
    var c = new LinkedHashMap<String, Object>();
    c.put("uuid", TOOL_UUID);
    c.put("type", "software");
    c.put("title", "Vigil");
    c.put("description", "Vigil: automated ISO/IEC 27001:2022 evidence collection for AWS"
        + " (read-only checks of the accounts' configuration, tamper-evident evidence vault).");
    c.put("status", Map.of("state", "operational"));
    return c;
  }

  static Map<String, Object> assessmentAssets() {
    var platform = new LinkedHashMap<String, Object>();
    platform.put("uuid", uuid("assessment-platform/vigil"));
    platform.put("title", "Vigil");
    platform.put("uses-components", List.of(Map.of("component-uuid", TOOL_UUID)));
    var assets = new LinkedHashMap<String, Object>();
    assets.put("components", List.of(toolComponent()));
    assets.put("assessment-platforms", List.of(platform));
    return assets;
  }

  static List<Map<String, Object>> toolOrigin() {
    return List.of(Map.of("actors", List.of(map("type", "tool", "actor-uuid", TOOL_UUID))));
  }

  /** The document's own UUID: from its content, so it changes exactly when the content does. */
  static String contentUuid(String kind, Object content) {
    return uuid(kind + "/" + Json.sha256(content).hex());
  }

  /** An ordered map of key/value pairs (Map.of has no stable order, the JSON must). */
  static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
