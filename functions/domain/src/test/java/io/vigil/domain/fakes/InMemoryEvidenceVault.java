package io.vigil.domain.fakes;

import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link EvidenceVault} for unit tests. */
public final class InMemoryEvidenceVault implements EvidenceVault {

  private final Map<Sha256, byte[]> objects = new ConcurrentHashMap<>();

  @Override
  public Sha256 put(byte[] canonicalJson) {
    var address = Sha256.of(canonicalJson);
    objects.putIfAbsent(address, canonicalJson.clone());
    return address;
  }

  @Override
  public Optional<byte[]> get(Sha256 address) {
    return Optional.ofNullable(objects.get(address)).map(byte[]::clone);
  }

  @Override
  public boolean contains(Sha256 address) {
    return objects.containsKey(address);
  }

  public int size() {
    return objects.size();
  }
}
