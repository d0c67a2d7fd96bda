package io.ecap.platform.core.store;

import java.util.UUID;

/** An event waiting in the outbox to be published to {@code topic}. */
public record OutboxEvent(long seq, UUID eventId, String topic, String key, String payload, String traceparent,
                          String correlationId) {
}
