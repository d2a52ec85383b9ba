package io.vigil.domain.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ledger manifest for ISMS documents Vigil stores in the evidence vault — a completed audit's
 * report, an approved Statement of Applicability, manual evidence attached to a task, a
 * performance report — so that they are chained into the same tamper-evident ledger as the
 * collected evidence and checked by {@code vigil verify}. The unit id {@code
 * document#<kind>#<id>} is recorded once.
 *
 * @param documentKind e.g. {@code audit-report}, {@code soa-version}, {@code manual-evidence},
 *     {@code performance-report}
 * @param documentId e.g. the audit id, the SoA version number, the task id and attachment time
 * @param documents the vault objects (address and name), at least one
 */
public record DocumentManifest(String documentKind, String documentId, String description,
    String recordedBy, Instant recordedAt, List<Document> documents)
    implements LedgerManifest {

  public static final String KIND = "vigil.document-manifest";
  public static final int SCHEMA_VERSION = 1;
  /** The run id every document entry carries. */
  public static final String RUN_ID = "documents";

  /** One stored object. */
  public record Document(Sha256 sha256, String name) {
    public Document {
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(name, "name");
    }
  }

  public DocumentManifest {
    requireText(documentKind, "documentKind");
    requireText(documentId, "documentId");
    description = description == null ? "" : description;
    requireText(recordedBy, "recordedBy");
    Objects.requireNonNull(recordedAt, "recordedAt");
    documents = List.copyOf(documents);
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("a document manifest lists at least one document");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank() || value.contains("#") && !"documentId".equals(name)) {
      throw new IllegalArgumentException(name + " must be non-empty text without '#'");
    }
  }

  @Override
  public String unitId() {
    return "document#" + documentKind + "#" + documentId;
  }

  @Override
  public String runId() {
    return RUN_ID;
  }

  @Override
  public String ledgerAccountId() {
    return "-";
  }

  @Override
  public String ledgerRegion() {
    return "-";
  }

  @Override
  public Instant collectedAt() {
    return recordedAt;
  }

  @Override
  public int resultCount() {
    return documents.size();
  }

  @Override
  public List<Listed> listed() {
    return documents.stream().map(d -> new Listed(d.sha256(), documentKind + " "
        + documentId + ": " + d.name())).toList();
  }

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("kind", KIND);
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("unitId", unitId());
    m.put("runId", RUN_ID);
    m.put("documentKind", documentKind);
    m.put("documentId", documentId);
    m.put("description", description);
    m.put("recordedBy", recordedBy);
    m.put("recordedAt", recordedAt);
    m.put("documentCount", documents.size());
    var list = new ArrayList<Map<String, Object>>();
    for (var d : documents) {
      var dm = new LinkedHashMap<String, Object>();
      dm.put("sha256", d.sha256().hex());
      dm.put("name", d.name());
      list.add(dm);
    }
    m.put("documents", list);
    return m;
  }

  @Override
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toMap());
  }

  /** Reads a document manifest from its canonical bytes (refusing any other form). */
  public static DocumentManifest parse(byte[] canonicalJson) {
    if (!(JsonReader.read(canonicalJson) instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("a manifest is a JSON object");
    }
    if (!KIND.equals(root.get("kind"))
        || !Long.valueOf(SCHEMA_VERSION).equals(root.get("schemaVersion"))) {
      throw new IllegalArgumentException("not a document manifest of schema version "
          + SCHEMA_VERSION);
    }
    var docs = new ArrayList<Document>();
    if (!(root.get("documents") instanceof List<?> list)) {
      throw new IllegalArgumentException("a document manifest lists its documents in an array");
    }
    for (var o : list) {
      if (!(o instanceof Map<?, ?> d)) {
        throw new IllegalArgumentException("a listed document is a JSON object");
      }
      docs.add(new Document(new Sha256(String.valueOf(d.get("sha256"))),
          String.valueOf(d.get("name"))));
    }
    var manifest = new DocumentManifest(String.valueOf(root.get("documentKind")),
        String.valueOf(root.get("documentId")), String.valueOf(root.get("description")),
        String.valueOf(root.get("recordedBy")),
        Instant.parse(String.valueOf(root.get("recordedAt"))), docs);
    if (!manifest.unitId().equals(root.get("unitId"))
        || !Long.valueOf(docs.size()).equals(root.get("documentCount"))) {
      throw new IllegalArgumentException("the document manifest's unit or count disagrees with"
          + " its documents");
    }
    if (!Arrays.equals(manifest.canonicalBytes(), canonicalJson)) {
      throw new IllegalArgumentException("the document manifest is not in canonical form");
    }
    return manifest;
  }
}
