package io.vigil.adapters.contract;

import io.vigil.domain.evidence.EvidenceIntegrityException;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryEvidenceVault;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryEvidenceVaultTest extends EvidenceVaultContract {

  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();

  @Override
  protected EvidenceVault vault() {
    return vault;
  }

  @Override
  protected boolean overwriteBehindTheVaultsBack(Sha256 address, byte[] bytes) {
    vault.tamperOverwrite(address, bytes);
    return true;
  }

  @Override
  protected Class<? extends RuntimeException> tamperedException() {
    return EvidenceIntegrityException.class;
  }
}
