package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.analytics.warehouse.PostgresTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Product performance (orders, units, revenue, buyers, views, view-to-order rate, rank overall and in category) and
 * "bought together" recommendations by association rules over baskets: for each product A, the products B most
 * often in the same non-cancelled order, with confidence P(B|A) = co_orders / orders(A) and
 * lift = confidence / P(B). Top {@value #RECOMMENDATIONS} per product, ranked by co-orders, then lift, then id.
 * Writes gold/product_performance, gold/product_recommendations and their PostgreSQL tables.
 */
public final class ProductPerformance extends LakeJob {

  public static final int RECOMMENDATIONS = 5;
  private static final PostgresTable PERFORMANCE = new PostgresTable("analytics_product_performance",
      "product_id:uuid", "name", "category", "orders", "units_sold", "revenue_cents", "distinct_customers", "views",
      "view_to_order", "revenue_rank", "category_rank", "computed_at");
  private static final PostgresTable RECOMMENDED = new PostgresTable("analytics_product_recommendations",
      "product_id:uuid", "rank", "recommended_product_id:uuid", "co_orders", "confidence", "lift", "computed_at");

  public ProductPerformance(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new ProductPerformance(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "product-analytics";
  }

  @Override
  protected long run(JobContext context) throws Exception {
    Dataset<Row> items = context.lake().read(Layer.SILVER, SilverTables.ORDER_ITEMS);
    Dataset<Row> products = context.lake().read(Layer.SILVER, SilverTables.PRODUCTS);
    Dataset<Row> clicks = context.lake().read(Layer.SILVER, SilverTables.CLICKSTREAM);
    Dataset<Row> performance = performance(items, products, clicks).withColumn("computed_at", current_timestamp()).cache();
    Dataset<Row> recommendations = recommendations(items).withColumn("computed_at", current_timestamp()).cache();
    context.lake().overwrite(performance, Layer.GOLD, "product_performance");
    context.lake().overwrite(recommendations, Layer.GOLD, "product_recommendations");
    long rows = performance.count() + recommendations.count();
    if (context.jdbc().isPresent()) {
      PERFORMANCE.replace(context.jdbc().get(), performance);
      RECOMMENDED.replace(context.jdbc().get(), recommendations);
    }
    performance.unpersist();
    recommendations.unpersist();
    return rows;
  }

  static Dataset<Row> soldLines(Dataset<Row> items) {
    return items.filter(col("status").notEqual("CANCELLED"));
  }

  public static Dataset<Row> performance(Dataset<Row> items, Dataset<Row> products, Dataset<Row> clicks) {
    Dataset<Row> sales = soldLines(items).groupBy("product_id").agg(
        countDistinct("order_id").as("orders"),
        sum("quantity").cast(DataTypes.LongType).as("units_sold"),
        sum(col("quantity").multiply(col("unit_price_cents"))).cast(DataTypes.LongType).as("revenue_cents"),
        countDistinct("customer_id").as("distinct_customers"));
    Dataset<Row> views = clicks.filter(col("action").equalTo("PRODUCT_VIEW")).groupBy("product_id")
        .agg(count("*").as("views"));
    Dataset<Row> all = products.select("product_id", "name", "category")
        .join(sales, "product_id", "left").join(views, "product_id", "left")
        .na().fill(0L, new String[] {"orders", "units_sold", "revenue_cents", "distinct_customers", "views"});
    return all
        .withColumn("view_to_order", when(col("views").gt(0), col("orders").divide(col("views"))))
        .withColumn("revenue_rank", row_number().over(Window.orderBy(col("revenue_cents").desc(), col("product_id"))))
        .withColumn("category_rank", row_number().over(Window.partitionBy("category")
            .orderBy(col("revenue_cents").desc(), col("product_id"))));
  }

  public static Dataset<Row> recommendations(Dataset<Row> items) {
    Dataset<Row> baskets = soldLines(items).select("order_id", "product_id").distinct().cache();
    long totalOrders = baskets.select("order_id").distinct().count();
    Dataset<Row> ordersPer = baskets.groupBy("product_id").agg(count("*").as("n"));
    Dataset<Row> pairs = baskets.as("a").join(baskets.as("b"),
            col("a.order_id").equalTo(col("b.order_id")).and(col("a.product_id").notEqual(col("b.product_id"))))
        .groupBy(col("a.product_id").as("product_id"), col("b.product_id").as("recommended_product_id"))
        .agg(count("*").as("co_orders"));
    Dataset<Row> scored = pairs
        .join(ordersPer.select(col("product_id"), col("n").as("n_a")), "product_id")
        .join(ordersPer.select(col("product_id").as("recommended_product_id"), col("n").as("n_b")),
            "recommended_product_id")
        .withColumn("confidence", col("co_orders").divide(col("n_a")))
        .withColumn("lift", col("confidence").divide(col("n_b").divide(lit((double) Math.max(totalOrders, 1)))))
        .withColumn("rank", row_number().over(Window.partitionBy("product_id")
            .orderBy(col("co_orders").desc(), col("lift").desc(), col("recommended_product_id"))))
        .filter(col("rank").leq(RECOMMENDATIONS))
        .select("product_id", "rank", "recommended_product_id", "co_orders", "confidence", "lift");
    return scored;
  }
}
