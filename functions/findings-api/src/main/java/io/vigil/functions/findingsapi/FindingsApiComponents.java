package io.vigil.functions.findingsapi;

import io.vigil.domain.finding.FindingService;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.register.RegisterService;
import io.vigil.domain.register.SoaService;
import java.util.Objects;

/**
 * What the handler uses, as one bean: the router, the findings and register use cases (the daily
 * sweep), the Statement of Applicability and the event publisher (ports only), plus what to close
 * when the function's context stops; the CLI's demo records its sample registers through them.
 * One bean of a type only this function defines, so that the function's wiring never competes
 * with another function's when both are on one classpath (the CLI runs every function
 * in-process).
 */
public final class FindingsApiComponents implements AutoCloseable {

  private final FindingsApi api;
  private final FindingService findings;
  private final RegisterService registers;
  private final SoaService soa;
  private final DomainEventPublisher publisher;
  private final AutoCloseable resources;

  public FindingsApiComponents(FindingsApi api, FindingService findings,
      RegisterService registers, SoaService soa, DomainEventPublisher publisher,
      AutoCloseable resources) {
    this.api = Objects.requireNonNull(api);
    this.findings = Objects.requireNonNull(findings);
    this.registers = Objects.requireNonNull(registers);
    this.soa = Objects.requireNonNull(soa);
    this.publisher = Objects.requireNonNull(publisher);
    this.resources = Objects.requireNonNull(resources);
  }

  public FindingsApi api() {
    return api;
  }

  public FindingService findings() {
    return findings;
  }

  public RegisterService registers() {
    return registers;
  }

  public SoaService soa() {
    return soa;
  }

  public DomainEventPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
