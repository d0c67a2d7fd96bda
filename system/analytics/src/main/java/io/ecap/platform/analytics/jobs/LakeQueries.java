package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.ecap.platform.analytics.lake.BronzeSource;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.StandardQueries;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs the lake's standard analytics queries ({@link StandardQueries}) as a dashboard would and records, per query,
 * its result (row count and the first rows as JSON), its cold time and its warm times (median and max of
 * {@code --warm-runs}, default 5, after the cold run); and, per bronze table, the ingestion's integrity figures:
 * rows, distinct event ids, rows from Kafka and distinct Kafka positions (a record landed twice shows as fewer
 * positions than rows). Results go to {@code lake_query_results} under the job's run id; the job only reads the
 * lake (no refresh, no gate), so it measures the lake as the other jobs left it. A query whose tables are absent (a
 * scratch lake with bronze only) is left out.
 *
 * <p>Usage: {@code LakeQueries [--warm-runs 5]}. Needs ECAP_LAKE_PATH and ECAP_JDBC_URL.
 */
public final class LakeQueries extends LakeJob {

  /** Rows of a result kept in {@code lake_query_results.result}. */
  public static final int RESULT_ROWS = 20;

  public LakeQueries(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new LakeQueries(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "lake-queries";
  }

  @Override
  protected boolean refreshesLake() {
    return false;
  }

  @Override
  protected boolean promotesToGold() {
    return false;
  }

  /** One recorded result. */
  record Measured(String query, long rows, String resultJson, double coldMillis, double warmMedianMillis,
                  double warmMaxMillis) {
  }

  @Override
  protected long run(JobContext context) throws Exception {
    JdbcTarget jdbc = context.jdbc().orElseThrow(() ->
        new IllegalStateException("ECAP_JDBC_URL is not set: lake_query_results lives in PostgreSQL"));
    int warmRuns = context.option("warm-runs").map(Integer::parseInt).orElse(5);
    if (warmRuns < 1) {
      throw new IllegalArgumentException("--warm-runs must be at least 1");
    }
    List<Measured> measured = new ArrayList<>();
    Function<String, Dataset<Row>> silver = t -> context.lake().read(Layer.SILVER, t);
    for (StandardQueries.Query q : StandardQueries.ALL) {
      if (q.tables().stream().allMatch(t -> context.lake().exists(Layer.SILVER, t))) {
        measured.add(measure(q.name(), () -> q.plan().apply(silver), warmRuns));
      }
    }
    for (BronzeSource source : BronzeSource.values()) {
      if (context.lake().exists(Layer.BRONZE, source.table())) {
        measured.add(measure("bronze_" + source.table(), () -> ingestion(context.lake().read(Layer.BRONZE,
            source.table())), warmRuns));
      }
    }
    store(jdbc, context.runId(), measured, context);
    measured.forEach(m -> System.out.printf("QUERY %s rows=%d cold=%.0fms warm_median=%.0fms warm_max=%.0fms%n",
        m.query(), m.rows(), m.coldMillis(), m.warmMedianMillis(), m.warmMaxMillis()));
    return measured.size();
  }

  /** One row: rows, distinct event ids, rows from Kafka, distinct (partition, offset) of those. */
  static Dataset<Row> ingestion(Dataset<Row> bronze) {
    return bronze.agg(count(lit(1)).as("rows"), countDistinct(col("event_id")).as("distinct_event_ids"),
        sum(when(col("kafka_offset").isNotNull(), 1).otherwise(0)).as("kafka_rows"),
        countDistinct(when(col("kafka_offset").isNotNull(), struct(col("kafka_partition"), col("kafka_offset"))))
            .as("distinct_kafka_positions"));
  }

  private static Measured measure(String name, java.util.function.Supplier<Dataset<Row>> plan, int warmRuns) {
    long t0 = System.nanoTime();
    List<Row> result = plan.get().collectAsList();
    double cold = (System.nanoTime() - t0) / 1e6;
    double[] warm = new double[warmRuns];
    for (int i = 0; i < warmRuns; i++) {
      long t = System.nanoTime();
      plan.get().collectAsList();
      warm[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(warm);
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < Math.min(RESULT_ROWS, result.size()); i++) {
      json.append(i == 0 ? "" : ",").append(result.get(i).json());
    }
    return new Measured(name, result.size(), json.append(']').toString(), cold, warm[warmRuns / 2], warm[warmRuns - 1]);
  }

  private static void store(JdbcTarget jdbc, UUID runId, List<Measured> measured, JobContext context) throws Exception {
    Timestamp now = Timestamp.from(context.clock().instant());
    try (Connection c = jdbc.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO lake_query_results "
        + "(run_id, query, rows, result, cold_ms, warm_median_ms, warm_max_ms, checked_at) "
        + "VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
      for (Measured m : measured) {
        ps.setObject(1, runId);
        ps.setString(2, m.query());
        ps.setLong(3, m.rows());
        ps.setString(4, m.resultJson());
        ps.setDouble(5, m.coldMillis());
        ps.setDouble(6, m.warmMedianMillis());
        ps.setDouble(7, m.warmMaxMillis());
        ps.setTimestamp(8, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
