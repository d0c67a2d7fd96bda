-- Results of the lake's standard analytics queries, timed by the lake-queries Spark job (one row per query per run),
-- and the bronze ingestion's integrity figures (query 'bronze_<table>').
CREATE TABLE lake_query_results (
  run_id         uuid             NOT NULL,
  query          text             NOT NULL,
  rows           bigint           NOT NULL CHECK (rows >= 0),
  result         jsonb            NOT NULL,
  cold_ms        double precision NOT NULL CHECK (cold_ms >= 0),
  warm_median_ms double precision NOT NULL CHECK (warm_median_ms >= 0),
  warm_max_ms    double precision NOT NULL CHECK (warm_max_ms >= warm_median_ms),
  checked_at     timestamptz      NOT NULL,
  PRIMARY KEY (run_id, query)
);
