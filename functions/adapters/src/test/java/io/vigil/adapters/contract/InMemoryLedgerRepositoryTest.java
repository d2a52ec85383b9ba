package io.vigil.adapters.contract;

import io.vigil.domain.evidence.LedgerRepository;
import io.vigil.domain.fakes.InMemoryLedgerRepository;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryLedgerRepositoryTest extends LedgerRepositoryContract {

  @Override
  protected LedgerRepository emptyLedger() {
    return new InMemoryLedgerRepository();
  }
}
