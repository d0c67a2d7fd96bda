package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;

import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.analytics.warehouse.PostgresTable;
import io.ecap.platform.core.events.ClickstreamEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Dashboard aggregates. Daily revenue: non-cancelled orders per UTC day (orders, buyers, revenue, average order).
 * Cohorts: customers by the month of their first non-cancelled order, and the share of each cohort that ordered
 * again N months later. Funnel: sessions that reached each clickstream step (PAGE_VIEW to PURCHASE), with conversion
 * from the previous step and from the first. Writes gold/daily_revenue (partitioned by month), gold/cohort_retention,
 * gold/funnel and their PostgreSQL tables.
 */
public final class BusinessAggregates extends LakeJob {

  private static final PostgresTable DAILY = new PostgresTable("analytics_daily_revenue", "day", "orders", "customers",
      "revenue_cents", "avg_order_cents", "computed_at");
  private static final PostgresTable COHORTS = new PostgresTable("analytics_cohort_retention", "cohort_month",
      "months_since_first", "cohort_size", "active_customers", "retention", "computed_at");
  private static final PostgresTable FUNNEL = new PostgresTable("analytics_funnel", "step", "step_order", "sessions",
      "conversion_from_previous", "conversion_from_start", "computed_at");

  public BusinessAggregates(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new BusinessAggregates(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "bi-aggregates";
  }

  @Override
  protected long run(JobContext context) throws Exception {
    Dataset<Row> orders = context.lake().read(Layer.SILVER, SilverTables.ORDERS);
    Dataset<Row> clicks = context.lake().read(Layer.SILVER, SilverTables.CLICKSTREAM);
    Dataset<Row> daily = dailyRevenue(orders).withColumn("computed_at", current_timestamp()).cache();
    Dataset<Row> cohorts = cohorts(orders).withColumn("computed_at", current_timestamp()).cache();
    Dataset<Row> funnel = funnel(context.spark(), clicks).withColumn("computed_at", current_timestamp()).cache();
    context.lake().overwrite(daily.withColumn("month", trunc(col("day"), "month")), Layer.GOLD, "daily_revenue", "month");
    context.lake().overwrite(cohorts, Layer.GOLD, "cohort_retention");
    context.lake().overwrite(funnel, Layer.GOLD, "funnel");
    long rows = daily.count() + cohorts.count() + funnel.count();
    if (context.jdbc().isPresent()) {
      DAILY.replace(context.jdbc().get(), daily);
      COHORTS.replace(context.jdbc().get(), cohorts);
      FUNNEL.replace(context.jdbc().get(), funnel);
    }
    return rows;
  }

  public static Dataset<Row> dailyRevenue(Dataset<Row> orders) {
    return RfmSegmentation.purchases(orders).groupBy(to_date(col("placed_at")).as("day")).agg(
            count("*").as("orders"), countDistinct("customer_id").as("customers"),
            sum("total_cents").as("revenue_cents"))
        .withColumn("avg_order_cents", round(col("revenue_cents").divide(col("orders"))).cast(DataTypes.LongType));
  }

  public static Dataset<Row> cohorts(Dataset<Row> orders) {
    Dataset<Row> monthly = RfmSegmentation.purchases(orders)
        .select(col("customer_id"), trunc(to_date(col("placed_at")), "month").as("month")).distinct();
    Dataset<Row> firsts = monthly.groupBy("customer_id").agg(min("month").as("cohort_month"));
    Dataset<Row> activity = monthly.join(firsts, "customer_id")
        .withColumn("months_since_first", months_between(col("month"), col("cohort_month")).cast(DataTypes.IntegerType));
    Dataset<Row> sizes = firsts.groupBy("cohort_month").agg(count("*").as("cohort_size"));
    return activity.groupBy("cohort_month", "months_since_first").agg(count("*").as("active_customers"))
        .join(sizes, "cohort_month")
        .withColumn("retention", col("active_customers").divide(col("cohort_size")));
  }

  public static Dataset<Row> funnel(SparkSession spark, Dataset<Row> clicks) {
    List<Row> steps = new ArrayList<>();
    for (ClickstreamEvent.Action action : ClickstreamEvent.Action.values()) {
      steps.add(RowFactory.create(action.name(), action.ordinal() + 1));
    }
    Dataset<Row> stepTable = spark.createDataFrame(steps,
        new StructType().add("step", DataTypes.StringType).add("step_order", DataTypes.IntegerType));
    Dataset<Row> reached = clicks.groupBy(col("action").as("step")).agg(countDistinct("session_id").as("sessions"));
    var byOrder = Window.orderBy("step_order");
    return stepTable.join(reached, stepTable.col("step").equalTo(reached.col("step")), "left")
        .select(stepTable.col("step"), col("step_order"), org.apache.spark.sql.functions.coalesce(col("sessions"), lit(0L)).as("sessions"))
        .withColumn("conversion_from_previous", col("sessions").divide(lag("sessions", 1).over(byOrder)))
        .withColumn("conversion_from_start", col("sessions").divide(first("sessions").over(byOrder)));
  }
}
