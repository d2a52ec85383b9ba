package io.vigil.domain.notification;

import java.util.List;

/** Port: publishes domain events (EventBridge in AWS). Throws if an event could not be published. */
public interface DomainEventPublisher {

  void publish(List<? extends DomainEvent> events);
}
