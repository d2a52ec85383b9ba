package io.vigil.adapters.contract;

import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryResultRepositoryTest extends ResultRepositoryContract {

  @Override
  protected ResultRepository repository() {
    return new InMemoryResultRepository();
  }
}
