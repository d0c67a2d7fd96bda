-- The platform's transactional store. Money is in minor units (cents); times are timestamptz (UTC).

CREATE TABLE customers (
  id          uuid PRIMARY KEY,
  email       text        NOT NULL UNIQUE CHECK (position('@' IN email) > 1 AND length(email) <= 254),
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country     char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  created_at  timestamptz NOT NULL
);

CREATE TABLE products (
  id          uuid PRIMARY KEY,
  sku         text        NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 64),
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category    text        NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
  price_cents bigint      NOT NULL CHECK (price_cents > 0),
  currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  active      boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL
);
CREATE INDEX products_category ON products (category);

CREATE TABLE orders (
  id               uuid PRIMARY KEY,
  customer_id      uuid        NOT NULL REFERENCES customers (id),
  status           text        NOT NULL CHECK (status IN ('PLACED', 'CONFIRMED', 'CANCELLED', 'REFUNDED')),
  currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_cents      bigint      NOT NULL CHECK (total_cents >= 0),
  shipping_country char(2)     NOT NULL CHECK (shipping_country ~ '^[A-Z]{2}$'),
  created_at       timestamptz NOT NULL
);
CREATE INDEX orders_customer_created ON orders (customer_id, created_at DESC, id);

CREATE TABLE order_items (
  order_id         uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no          integer NOT NULL CHECK (line_no >= 1),
  product_id       uuid    NOT NULL REFERENCES products (id),
  quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  unit_price_cents bigint  NOT NULL CHECK (unit_price_cents >= 0),
  PRIMARY KEY (order_id, line_no),
  UNIQUE (order_id, product_id)
);
CREATE INDEX order_items_product ON order_items (product_id);

CREATE TABLE payments (
  id               uuid PRIMARY KEY,
  order_id         uuid        NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
  amount_cents     bigint      NOT NULL CHECK (amount_cents >= 0),
  currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  card_fingerprint text        NOT NULL CHECK (length(card_fingerprint) BETWEEN 8 AND 64),
  billing_country  char(2)     NOT NULL CHECK (billing_country ~ '^[A-Z]{2}$'),
  status           text        NOT NULL CHECK (status IN ('AUTHORIZED', 'DECLINED', 'REFUNDED')),
  created_at       timestamptz NOT NULL
);
CREATE INDEX payments_card ON payments (card_fingerprint);

-- Ground truth for training and evaluation (what chargebacks reveal later); never served by the API as a decision.
CREATE TABLE fraud_labels (
  order_id   uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  pattern    text NOT NULL CHECK (pattern IN ('VELOCITY_BURST', 'NEW_ACCOUNT_HIGH_VALUE', 'COUNTRY_MISMATCH', 'MANY_CARDS'))
);

-- Written by the fraud service; read by GET /api/v1/orders/{id}/fraud-decision.
CREATE TABLE fraud_decisions (
  order_id      uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  decision      text             NOT NULL CHECK (decision IN ('APPROVE', 'REVIEW', 'DECLINE')),
  score         double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  model_version text             NOT NULL,
  reasons       jsonb            NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(reasons) = 'array'),
  decided_at    timestamptz      NOT NULL
);

-- Idempotency-Key of POST /api/v1/orders: one key, one request body (by hash), one order.
CREATE TABLE idempotency_keys (
  key          text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text        NOT NULL,
  order_id     uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox: events are stored with the write that causes them and relayed to Kafka afterwards,
-- so a Kafka outage delays events but never loses them.
CREATE TABLE outbox (
  seq            bigserial PRIMARY KEY,
  event_id       uuid        NOT NULL UNIQUE,
  topic          text        NOT NULL,
  record_key     text        NOT NULL,
  payload        json        NOT NULL,
  traceparent    text,
  correlation_id text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
