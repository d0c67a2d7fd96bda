-- Written by the Spark jobs of system/analytics, read by the API's analytics endpoints and the fraud service.
-- Each job replaces its table's rows in one transaction: readers see the previous run or the new one, never half.

CREATE TABLE analytics_job_runs (
  run_id       uuid PRIMARY KEY,
  job          text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  rows_written bigint CHECK (rows_written >= 0),
  message      text
);
CREATE INDEX analytics_job_runs_job ON analytics_job_runs (job, started_at DESC);

-- RFM: scores are quintiles (ceil(cume_dist * 5)) of recency (older is lower), frequency and monetary.
CREATE TABLE analytics_customer_rfm (
  customer_id    uuid PRIMARY KEY,
  recency_days   integer     NOT NULL CHECK (recency_days >= 0),
  frequency      integer     NOT NULL CHECK (frequency >= 1),
  monetary_cents bigint      NOT NULL CHECK (monetary_cents >= 0),
  r_score        smallint    NOT NULL CHECK (r_score BETWEEN 1 AND 5),
  f_score        smallint    NOT NULL CHECK (f_score BETWEEN 1 AND 5),
  m_score        smallint    NOT NULL CHECK (m_score BETWEEN 1 AND 5),
  segment        text        NOT NULL,
  computed_at    timestamptz NOT NULL
);
CREATE INDEX analytics_customer_rfm_segment ON analytics_customer_rfm (segment);

-- CLV: historical purchase rate with recency decay (the model is documented in CustomerLifetimeValue).
CREATE TABLE analytics_customer_clv (
  customer_id            uuid PRIMARY KEY,
  orders                 integer          NOT NULL CHECK (orders >= 1),
  avg_order_cents        bigint           NOT NULL CHECK (avg_order_cents >= 0),
  tenure_days            integer          NOT NULL CHECK (tenure_days >= 0),
  recency_days           integer          NOT NULL CHECK (recency_days >= 0),
  orders_per_year        double precision NOT NULL CHECK (orders_per_year >= 0),
  p_active               double precision NOT NULL CHECK (p_active >= 0 AND p_active <= 1),
  predicted_12m_cents    bigint           NOT NULL CHECK (predicted_12m_cents >= 0),
  model                  text             NOT NULL,
  computed_at            timestamptz      NOT NULL
);

CREATE TABLE analytics_product_performance (
  product_id         uuid PRIMARY KEY,
  name               text             NOT NULL,
  category           text             NOT NULL,
  orders             bigint           NOT NULL CHECK (orders >= 0),
  units_sold         bigint           NOT NULL CHECK (units_sold >= 0),
  revenue_cents      bigint           NOT NULL CHECK (revenue_cents >= 0),
  distinct_customers bigint           NOT NULL CHECK (distinct_customers >= 0),
  views              bigint           NOT NULL CHECK (views >= 0),
  view_to_order      double precision,
  revenue_rank       integer          NOT NULL CHECK (revenue_rank >= 1),
  category_rank      integer          NOT NULL CHECK (category_rank >= 1),
  computed_at        timestamptz      NOT NULL
);
CREATE INDEX analytics_product_performance_rank ON analytics_product_performance (revenue_rank);

-- "Bought together": top co-purchased products per product (association rules on order baskets).
CREATE TABLE analytics_product_recommendations (
  product_id             uuid             NOT NULL,
  rank                   smallint         NOT NULL CHECK (rank BETWEEN 1 AND 10),
  recommended_product_id uuid             NOT NULL CHECK (recommended_product_id <> product_id),
  co_orders              bigint           NOT NULL CHECK (co_orders >= 1),
  confidence             double precision NOT NULL CHECK (confidence > 0 AND confidence <= 1),
  lift                   double precision NOT NULL CHECK (lift > 0),
  computed_at            timestamptz      NOT NULL,
  PRIMARY KEY (product_id, rank)
);

CREATE TABLE analytics_daily_revenue (
  day             date        PRIMARY KEY,
  orders          bigint      NOT NULL CHECK (orders >= 0),
  customers       bigint      NOT NULL CHECK (customers >= 0),
  revenue_cents   bigint      NOT NULL CHECK (revenue_cents >= 0),
  avg_order_cents bigint      NOT NULL CHECK (avg_order_cents >= 0),
  computed_at     timestamptz NOT NULL
);

CREATE TABLE analytics_cohort_retention (
  cohort_month       date             NOT NULL,
  months_since_first integer          NOT NULL CHECK (months_since_first >= 0),
  cohort_size        bigint           NOT NULL CHECK (cohort_size >= 1),
  active_customers   bigint           NOT NULL CHECK (active_customers >= 0),
  retention          double precision NOT NULL CHECK (retention >= 0 AND retention <= 1),
  computed_at        timestamptz      NOT NULL,
  PRIMARY KEY (cohort_month, months_since_first)
);

CREATE TABLE analytics_funnel (
  step                     text             PRIMARY KEY
                           CHECK (step IN ('PAGE_VIEW', 'PRODUCT_VIEW', 'ADD_TO_CART', 'CHECKOUT', 'PURCHASE')),
  step_order               smallint         NOT NULL CHECK (step_order BETWEEN 1 AND 5),
  sessions                 bigint           NOT NULL CHECK (sessions >= 0),
  conversion_from_previous double precision,
  conversion_from_start    double precision,
  computed_at              timestamptz      NOT NULL
);

-- One row per rule per data-quality run over the lake's silver tables.
CREATE TABLE data_quality_results (
  run_id       uuid             NOT NULL,
  rule         text             NOT NULL,
  table_name   text             NOT NULL,
  kind         text             NOT NULL CHECK (kind IN ('COMPLETENESS', 'UNIQUENESS', 'RANGE', 'REFERENTIAL_INTEGRITY',
                                                         'FRESHNESS', 'DISTRIBUTION_DRIFT')),
  severity     text             NOT NULL CHECK (severity IN ('CRITICAL', 'WARNING')),
  passed       boolean          NOT NULL,
  failing_rows bigint           NOT NULL CHECK (failing_rows >= 0),
  total_rows   bigint           NOT NULL CHECK (total_rows >= 0),
  observed     double precision,
  threshold    double precision,
  details      text             NOT NULL,
  checked_at   timestamptz      NOT NULL,
  PRIMARY KEY (run_id, rule)
);
CREATE INDEX data_quality_results_checked ON data_quality_results (checked_at DESC);

-- Model registry: versions with their exported parameters (the JSON the fraud service scores with) and metrics.
CREATE TABLE model_registry (
  model_name    text        NOT NULL,
  version       integer     NOT NULL CHECK (version >= 1),
  stage         text        NOT NULL CHECK (stage IN ('STAGING', 'PRODUCTION', 'ARCHIVED')),
  algorithm     text        NOT NULL,
  metrics       jsonb       NOT NULL CHECK (jsonb_typeof(metrics) = 'object'),
  params        jsonb       NOT NULL CHECK (jsonb_typeof(params) = 'object'),
  artifact_path text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  promoted_at   timestamptz,
  PRIMARY KEY (model_name, version)
);
CREATE UNIQUE INDEX model_registry_one_production ON model_registry (model_name) WHERE stage = 'PRODUCTION';

-- Model monitoring: population stability (PSI) of the score and of each feature against the training data.
CREATE TABLE model_monitoring (
  id          bigserial PRIMARY KEY,
  model_name  text             NOT NULL,
  version     integer          NOT NULL,
  kind        text             NOT NULL CHECK (kind IN ('PREDICTION', 'FEATURE')),
  subject     text             NOT NULL,
  psi         double precision NOT NULL CHECK (psi >= 0),
  threshold   double precision NOT NULL,
  alert       boolean          NOT NULL,
  rows_scored bigint           NOT NULL,
  checked_at  timestamptz      NOT NULL
);
CREATE INDEX model_monitoring_checked ON model_monitoring (model_name, checked_at DESC);
