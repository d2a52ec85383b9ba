package io.vigil.adapters.contract;

import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryEvidenceVault;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryEvidenceVaultTest extends EvidenceVaultContract {

  @Override
  protected EvidenceVault vault() {
    return new InMemoryEvidenceVault();
  }

  @Override
  protected boolean overwriteBehindTheVaultsBack(Sha256 address, byte[] bytes) {
    return false; // its map is private: nothing can change it behind its back
  }

  @Override
  protected Class<? extends RuntimeException> tamperedException() {
    return RuntimeException.class;
  }
}
