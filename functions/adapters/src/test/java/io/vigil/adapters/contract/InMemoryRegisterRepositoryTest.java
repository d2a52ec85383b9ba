package io.vigil.adapters.contract;

import io.vigil.domain.fakes.InMemoryRegisterRepository;
import io.vigil.domain.register.RegisterRepository;

/** The domain's in-memory fake against the contract, so fake and adapter agree. */
class InMemoryRegisterRepositoryTest extends RegisterRepositoryContract {

  @Override
  protected RegisterRepository repository() {
    return new InMemoryRegisterRepository();
  }
}
