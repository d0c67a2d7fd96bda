package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.analytics.warehouse.PostgresTable;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Customer lifetime value over the next 12 months, by a deliberately simple model (not BG/NBD; stated as such):
 * <pre>
 *   orders_per_year = n / max(tenure_days, 30) * 365          observed purchase rate since the first order
 *   p_active        = exp(-recency_days / (3 * 365 / orders_per_year))
 *                     (a customer silent for three of their own mean gaps between orders is probably gone)
 *   predicted_12m   = avg_order_value * orders_per_year * p_active
 * </pre>
 * over non-cancelled orders, with tenure and recency measured to the same reference date as RFM. The 30-day floor
 * keeps one-order customers from extrapolating to absurd rates. Writes gold/customer_clv and analytics_customer_clv.
 */
public final class CustomerLifetimeValue extends LakeJob {

  public static final String GOLD_TABLE = "customer_clv";
  public static final String MODEL = "historical-rate-with-recency-decay-v1";
  private static final PostgresTable TABLE = new PostgresTable("analytics_customer_clv", "customer_id:uuid", "orders",
      "avg_order_cents", "tenure_days", "recency_days", "orders_per_year", "p_active", "predicted_12m_cents", "model",
      "computed_at");

  public CustomerLifetimeValue(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new CustomerLifetimeValue(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "clv";
  }

  @Override
  protected long run(JobContext context) throws Exception {
    Dataset<Row> orders = context.lake().read(Layer.SILVER, SilverTables.ORDERS);
    Column reference = context.option("as-of").map(d -> lit(LocalDate.parse(d)).cast(DataTypes.DateType))
        .orElse(lit(RfmSegmentation.referenceDate(orders)));
    Dataset<Row> clv = clv(orders, reference).withColumn("computed_at", current_timestamp()).cache();
    context.lake().overwrite(clv, Layer.GOLD, GOLD_TABLE);
    long rows = clv.count();
    if (context.jdbc().isPresent()) {
      TABLE.replace(context.jdbc().get(), clv);
    }
    clv.unpersist();
    return rows;
  }

  public static Dataset<Row> clv(Dataset<Row> orders, Column referenceDate) {
    Dataset<Row> base = RfmSegmentation.purchases(orders).groupBy("customer_id").agg(
        count("*").cast(DataTypes.IntegerType).as("orders"),
        sum("total_cents").as("revenue_cents"),
        datediff(referenceDate, min(to_date(col("placed_at")))).as("tenure_days"),
        datediff(referenceDate, max(to_date(col("placed_at")))).as("recency_days"));
    Column rate = col("orders").divide(greatest(col("tenure_days"), lit(30))).multiply(365.0);
    Column aov = col("revenue_cents").divide(col("orders"));
    return base
        .withColumn("orders_per_year", rate)
        .withColumn("p_active", exp(col("recency_days").multiply(-1.0).divide(lit(3 * 365.0).divide(col("orders_per_year")))))
        .withColumn("avg_order_cents", round(aov).cast(DataTypes.LongType))
        .withColumn("predicted_12m_cents",
            round(aov.multiply(col("orders_per_year")).multiply(col("p_active"))).cast(DataTypes.LongType))
        .withColumn("model", lit(MODEL))
        .drop("revenue_cents");
  }
}
