/**
 * EventBridge adapter of the domain's {@link io.vigil.domain.notification.DomainEventPublisher}:
 * {@link io.vigil.adapters.eventbridge.EventBridgeEventPublisher}.
 */
package io.vigil.adapters.eventbridge;
