package io.ecap.platform.streaming.consumer;

/** Why a record went to the dead-letter topic (header {@code dlq.reason}). */
public enum DeadLetterReason {
  /** Not JSON, or not an object (e.g. a tombstone). */
  UNDESERIALIZABLE,
  /** JSON that does not validate against the schema of its event type, or an unknown event type. */
  SCHEMA_INVALID,
  /** The handler rejected it as permanently unprocessable. */
  PROCESSING_FAILED,
  /** A transient failure that outlasted the retry policy. */
  RETRIES_EXHAUSTED
}
