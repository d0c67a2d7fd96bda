package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.cume_dist;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.analytics.warehouse.PostgresTable;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * RFM segmentation of customers over their non-cancelled orders.
 *
 * <p>Recency is days from the last order to the reference date (default: the day after the newest order in the
 * lake, so results do not depend on when the job runs; {@code --as-of yyyy-MM-dd} overrides), frequency the number of
 * orders, monetary the revenue in cents. Each becomes a quintile score 1-5 as {@code ceil(cume_dist * 5)} (older
 * recency is lower; ties share a score). Segments, first match wins:
 * <pre>
 *   Champions            R>=4, F>=4, M>=4
 *   Loyal Customers      R>=3, F>=4
 *   New Customers        R>=4, exactly one order
 *   Potential Loyalists  R>=4
 *   Needs Attention      R=3
 *   Cannot Lose Them     R<=2, F>=4, M>=4
 *   At Risk              R<=2, F>=3
 *   Hibernating          otherwise
 * </pre>
 * Writes gold/customer_rfm and analytics_customer_rfm.
 */
public final class RfmSegmentation extends LakeJob {

  public static final String GOLD_TABLE = "customer_rfm";
  private static final PostgresTable TABLE = new PostgresTable("analytics_customer_rfm", "customer_id:uuid",
      "recency_days", "frequency", "monetary_cents", "r_score", "f_score", "m_score", "segment", "computed_at");

  public RfmSegmentation(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new RfmSegmentation(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "rfm";
  }

  @Override
  protected long run(JobContext context) throws Exception {
    Dataset<Row> orders = context.lake().read(Layer.SILVER, SilverTables.ORDERS);
    Column reference = context.option("as-of").map(d -> lit(LocalDate.parse(d)).cast(DataTypes.DateType))
        .orElse(lit(referenceDate(orders)));
    Dataset<Row> rfm = rfm(orders, reference).withColumn("computed_at", current_timestamp()).cache();
    context.lake().overwrite(rfm, Layer.GOLD, GOLD_TABLE);
    long rows = rfm.count();
    if (context.jdbc().isPresent()) {
      TABLE.replace(context.jdbc().get(), rfm);
    }
    rfm.unpersist();
    return rows;
  }

  /** The day after the newest non-cancelled order. */
  static java.sql.Date referenceDate(Dataset<Row> orders) {
    Row r = purchases(orders).agg(date_add(max(to_date(col("placed_at"))), 1)).head();
    if (r.isNullAt(0)) {
      throw new IllegalStateException("no orders in silver: nothing to segment");
    }
    return r.getDate(0);
  }

  static Dataset<Row> purchases(Dataset<Row> orders) {
    return orders.filter(col("status").notEqual("CANCELLED"));
  }

  /** Per customer: recency_days, frequency, monetary_cents, r/f/m scores and segment. */
  public static Dataset<Row> rfm(Dataset<Row> orders, Column referenceDate) {
    Dataset<Row> perCustomer = purchases(orders).groupBy("customer_id").agg(
        datediff(referenceDate, max(to_date(col("placed_at")))).as("recency_days"),
        count("*").cast(DataTypes.IntegerType).as("frequency"),
        sum("total_cents").as("monetary_cents"));
    Dataset<Row> scored = perCustomer
        .withColumn("r_score", quintile(Window.orderBy(col("recency_days").desc())))
        .withColumn("f_score", quintile(Window.orderBy(col("frequency"))))
        .withColumn("m_score", quintile(Window.orderBy(col("monetary_cents"))));
    return scored.withColumn("segment", segment(col("r_score"), col("f_score"), col("m_score"), col("frequency")));
  }

  private static Column quintile(org.apache.spark.sql.expressions.WindowSpec order) {
    return ceil(cume_dist().over(order).multiply(5)).cast(DataTypes.IntegerType);
  }

  static Column segment(Column r, Column f, Column m, Column frequency) {
    return when(r.geq(4).and(f.geq(4)).and(m.geq(4)), "Champions")
        .when(r.geq(3).and(f.geq(4)), "Loyal Customers")
        .when(r.geq(4).and(frequency.equalTo(1)), "New Customers")
        .when(r.geq(4), "Potential Loyalists")
        .when(r.equalTo(3), "Needs Attention")
        .when(f.geq(4).and(m.geq(4)), "Cannot Lose Them")
        .when(f.geq(3), "At Risk")
        .otherwise("Hibernating");
  }
}
