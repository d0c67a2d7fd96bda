-- Streaming, fraud and notification services (system/streaming).

-- Processed-id store of BaseStreamingConsumer: an event's id is claimed in the same transaction as the
-- consumer's PostgreSQL effects, so a redelivered record changes nothing. Rows older than the retention
-- (longer than the topics' retention) are purged by the consumers.
CREATE TABLE streaming_processed_events (
  consumer_group text        NOT NULL CHECK (length(consumer_group) BETWEEN 1 AND 255),
  event_id       uuid        NOT NULL,
  processed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);
CREATE INDEX streaming_processed_events_age ON streaming_processed_events (processed_at);

-- History of windowed aggregates (Redis holds the live copy). Event-time windows [window_start, window_end);
-- a window is closed once the watermark passed its end plus the allowed lateness.
CREATE TABLE streaming_window_aggregates (
  window_name  text        NOT NULL CHECK (window_name IN ('tumbling-1m', 'sliding-5m')),
  metric       text        NOT NULL CHECK (metric IN ('revenue_cents', 'orders', 'product_units', 'payments', 'funnel')),
  window_start timestamptz NOT NULL,
  dimension    text        NOT NULL,
  window_end   timestamptz NOT NULL CHECK (window_end > window_start),
  value        bigint      NOT NULL CHECK (value >= 0),
  closed       boolean     NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (window_name, metric, window_start, dimension)
);
CREATE INDEX streaming_window_aggregates_open ON streaming_window_aggregates (window_end) WHERE NOT closed;

-- Events that arrived after every window they belong to had closed: kept, not silently dropped.
CREATE TABLE streaming_late_events (
  consumer_group text        NOT NULL,
  event_id       uuid        NOT NULL,
  topic          text        NOT NULL,
  event_time     timestamptz NOT NULL,
  watermark      timestamptz NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);

-- One row per notification delivered (or being delivered): de-duplication by idempotency key.
CREATE TABLE notification_deliveries (
  idempotency_key text        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  channel         text        NOT NULL CHECK (channel IN ('webhook', 'email')),
  recipient       text        NOT NULL,
  order_id        uuid        NOT NULL,
  attempts        integer     NOT NULL CHECK (attempts >= 1),
  delivered_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_deliveries_recipient ON notification_deliveries (recipient, delivered_at);

-- Notifications that could not be delivered (sink failing after retries, or rate limited): replayable.
CREATE TABLE notification_dead_letters (
  id              bigserial   PRIMARY KEY,
  idempotency_key text        NOT NULL UNIQUE,
  channel         text        NOT NULL CHECK (channel IN ('webhook', 'email')),
  recipient       text        NOT NULL,
  payload         jsonb       NOT NULL,
  reason          text        NOT NULL CHECK (reason IN ('DELIVERY_FAILED', 'RATE_LIMITED')),
  last_error      text,
  attempts        integer     NOT NULL CHECK (attempts >= 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  replayed_at     timestamptz
);
CREATE INDEX notification_dead_letters_pending ON notification_dead_letters (id) WHERE replayed_at IS NULL;
