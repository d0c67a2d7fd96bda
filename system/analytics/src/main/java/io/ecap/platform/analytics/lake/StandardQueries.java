package io.ecap.platform.analytics.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The standard analytics queries dashboards run against the lake's silver tables, each a function of a table
 * lookup so the same query runs on Delta and on a plain Parquet copy (the benchmark's baseline). Run timed by the
 * {@code lake-queries} job and by the analytics bench.
 */
public final class StandardQueries {

  /** One query and the silver tables it reads. */
  public record Query(String name, List<String> tables, Function<Function<String, Dataset<Row>>, Dataset<Row>> plan) {
  }

  public static final List<Query> ALL = List.of(
      new Query("daily_revenue", List.of(SilverTables.ORDERS), t -> t.apply(SilverTables.ORDERS)
          .filter(col("status").notEqual("CANCELLED"))
          .groupBy(to_date(col("placed_at")).as("day")).agg(count("*").as("orders"), sum("total_cents").as("revenue_cents"))
          .orderBy("day")),
      new Query("top_products", List.of(SilverTables.ORDER_ITEMS, SilverTables.PRODUCTS), t -> t.apply(SilverTables.ORDER_ITEMS)
          .filter(col("status").notEqual("CANCELLED"))
          .groupBy("product_id").agg(sum(col("quantity").multiply(col("unit_price_cents"))).as("revenue_cents"))
          .join(t.apply(SilverTables.PRODUCTS).select("product_id", "name"), "product_id")
          .orderBy(desc("revenue_cents"), col("product_id")).limit(10)),
      new Query("customer_rfm_base", List.of(SilverTables.ORDERS), t -> t.apply(SilverTables.ORDERS)
          .filter(col("status").notEqual("CANCELLED"))
          .groupBy("customer_id").agg(max("placed_at").as("last_order_at"), count("*").as("orders"),
              sum("total_cents").as("monetary_cents"))));

  private StandardQueries() {
  }

  /** By name, in {@link #ALL}'s order. */
  public static Map<String, Query> byName() {
    Map<String, Query> named = new LinkedHashMap<>();
    ALL.forEach(q -> named.put(q.name(), q));
    return named;
  }
}
