package io.vigil.adapters.contract;

import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.finding.FindingRepository;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryFindingRepositoryTest extends FindingRepositoryContract {

  @Override
  protected FindingRepository repository() {
    return new InMemoryFindingRepository();
  }
}
