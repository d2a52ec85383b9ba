package io.vigil.functions.findingsapi;

import io.vigil.domain.finding.FindingService;
import io.vigil.domain.notification.DomainEventPublisher;
import java.util.Objects;

/**
 * What the handler uses, as one bean: the router, the findings use cases and the event publisher
 * (ports only), plus what to close when the function's context stops. One bean of a type only
 * this function defines, so that the function's wiring never competes with another function's
 * when both are on one classpath (the CLI runs every function in-process).
 */
public final class FindingsApiComponents implements AutoCloseable {

  private final FindingsApi api;
  private final FindingService findings;
  private final DomainEventPublisher publisher;
  private final AutoCloseable resources;

  public FindingsApiComponents(FindingsApi api, FindingService findings,
      DomainEventPublisher publisher, AutoCloseable resources) {
    this.api = Objects.requireNonNull(api);
    this.findings = Objects.requireNonNull(findings);
    this.publisher = Objects.requireNonNull(publisher);
    this.resources = Objects.requireNonNull(resources);
  }

  public FindingsApi api() {
    return api;
  }

  public FindingService findings() {
    return findings;
  }

  public DomainEventPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
