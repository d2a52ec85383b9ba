package io.vigil.domain.evidence;

import io.vigil.domain.check.CheckId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration evidence behind one check result, as stored in the vault. It deliberately holds
 * no timestamp: unchanged configuration hashes to the same address run after run, so the vault grows
 * only when something changes, while each result records when it was observed.
 */
public record EvidenceDocument(
    CheckId checkId,
    String accountId,
    String region,
    String resourceArn,
    String resourceType,
    Map<String, Object> configuration) {

  /** Version of this document's layout; part of the hashed content. */
  public static final int SCHEMA_VERSION = 1;

  public EvidenceDocument {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(resourceArn, "resourceArn");
    configuration = configuration == null ? Map.of() : configuration;
  }

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("checkId", checkId.value());
    m.put("accountId", accountId);
    m.put("region", region);
    m.put("resourceArn", resourceArn);
    m.put("resourceType", resourceType);
    m.put("configuration", configuration);
    return m;
  }

  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toMap());
  }

  public Sha256 sha256() {
    return Sha256.of(canonicalBytes());
  }
}
