package io.vigil.adapters.contract;

import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.fakes.InMemoryRunRepository;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryRunRepositoryTest extends RunRepositoryContract {

  @Override
  protected RunRepository repository() {
    return new InMemoryRunRepository();
  }
}
