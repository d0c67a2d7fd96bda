package io.ecap.platform.core.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on the wire looks like: a unique id (consumers de-duplicate on it), a dotted type, the
 * version of the payload's schema, when it happened, and the ids that tie it to a request and a trace.
 * The JSON Schema of each type is under {@code /schemas} in this jar.
 */
public record EventEnvelope<T>(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                               String correlationId, String traceId, T data) {
}
