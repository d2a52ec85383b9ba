package io.vigil.domain.notification;

import java.util.Map;

/**
 * Something that happened which other parts of Vigil (notifications, reports) react to. Published
 * on the Vigil event bus with source {@code vigil}, its {@link #detailType()} and a versioned
 * {@link #detail()}.
 */
public interface DomainEvent {

  /** The EventBridge detail-type, e.g. {@code Action Overdue}. */
  String detailType();

  /** The event's detail: a JSON-able map holding {@code schemaVersion}. */
  Map<String, Object> detail();

  /** A key that is equal for re-publications of the same event (for consumers' de-duplication). */
  String idempotencyKey();
}
