package io.vigil.domain.fakes;

import io.vigil.domain.evidence.EvidenceIntegrityException;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory {@link EvidenceVault} for unit tests. Like the S3 vault it checks what it reads
 * against the address; its {@code tamper*} methods change stored objects behind its back.
 */
public final class InMemoryEvidenceVault implements EvidenceVault {

  private final Map<Sha256, byte[]> objects = new ConcurrentHashMap<>();

  @Override
  public Sha256 put(byte[] canonicalJson) {
    var address = Sha256.of(canonicalJson);
    objects.putIfAbsent(address, canonicalJson.clone());
    return address;
  }

  /**
   * The bytes at {@code address}.
   *
   * @throws EvidenceIntegrityException if they were changed behind the vault's back
   */
  @Override
  public Optional<byte[]> get(Sha256 address) {
    var bytes = objects.get(address);
    if (bytes == null) {
      return Optional.empty();
    }
    var actual = Sha256.of(bytes);
    if (!actual.equals(address)) {
      throw new EvidenceIntegrityException("evidence sha256:" + address + " hashes to " + actual,
          "memory:" + address, address, actual);
    }
    return Optional.of(bytes.clone());
  }

  @Override
  public boolean contains(Sha256 address) {
    return objects.containsKey(address);
  }

  public int size() {
    return objects.size();
  }

  /** Replaces the bytes stored at {@code address}, as someone with write access could. */
  public void tamperOverwrite(Sha256 address, byte[] bytes) {
    objects.put(address, bytes.clone());
  }

  /** Deletes the object at {@code address}. */
  public void tamperDelete(Sha256 address) {
    objects.remove(address);
  }
}
