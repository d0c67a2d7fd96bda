package io.ecap.platform.analytics.ml;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The fraud features of every paid order in the lake, column for column the definitions of {@link FraudFeatures}
 * (which the fraud service computes online): windows per customer on event time in milliseconds,
 * {@code rangeBetween(-window, -1)} being the half-open {@code [t - window, t)}. A parity test compares this table
 * with {@link FraudFeatures#compute} order by order.
 */
public final class FraudFeatureTable {

  public static final String LABEL = "label";
  public static final String FEATURES = "features";

  private FraudFeatureTable() {
  }

  public static Dataset<Row> fromLake(LakeTables lake) {
    return build(lake.read(Layer.SILVER, SilverTables.ORDERS), lake.read(Layer.SILVER, SilverTables.PAYMENTS),
        lake.read(Layer.SILVER, SilverTables.CUSTOMERS), lake.read(Layer.SILVER, SilverTables.FRAUD_LABELS));
  }

  /** order_id, customer_id, placed_at, load_id, label, one column per feature, and the assembled vector. */
  public static Dataset<Row> build(Dataset<Row> orders, Dataset<Row> payments, Dataset<Row> customers,
                                   Dataset<Row> labels) {
    Dataset<Row> joined = orders.select("order_id", "customer_id", "total_cents", "shipping_country", "placed_at",
            "load_id")
        .join(payments.select("order_id", "card_fingerprint", "billing_country"), "order_id")
        .join(customers.select(col("customer_id"), col("country").as("customer_country"),
            col("created_at").as("account_created_at")), "customer_id")
        .join(labels.select(col("order_id"), lit(1.0).as(LABEL)), "order_id", "left")
        .withColumn(LABEL, coalesce(col(LABEL), lit(0.0)))
        .withColumn("_t", unix_millis(col("placed_at")));
    Column amount = col("total_cents");
    Dataset<Row> features = joined
        .withColumn("orders_last_10m", count(lit(1)).over(history(FraudFeatures.VELOCITY_WINDOW.toMillis()))
            .cast(DataTypes.DoubleType))
        .withColumn("distinct_cards_24h", size(array_union(
            collect_set(col("card_fingerprint")).over(history(FraudFeatures.CARD_WINDOW.toMillis())),
            array(col("card_fingerprint")))).cast(DataTypes.DoubleType))
        .withColumn("account_age_hours_log", log1p(
            greatest(lit(0L), col("_t").minus(unix_millis(col("account_created_at")))).divide(lit(3_600_000.0))))
        .withColumn("billing_country_mismatch",
            when(col("billing_country").equalTo(col("customer_country")), 0.0).otherwise(1.0))
        .withColumn("shipping_country_mismatch",
            when(col("shipping_country").equalTo(col("customer_country")), 0.0).otherwise(1.0))
        .withColumn("amount_log", log1p(amount.divide(lit(100.0))))
        .withColumn("amount_to_avg_30d_log", log1p(coalesce(
            amount.divide(avg(amount).over(history(FraudFeatures.AMOUNT_WINDOW.toMillis()))), lit(1.0))))
        .drop("_t");
    return new VectorAssembler().setInputCols(FraudFeatures.NAMES.toArray(String[]::new)).setOutputCol(FEATURES)
        .transform(features);
  }

  private static WindowSpec history(long windowMillis) {
    return Window.partitionBy("customer_id").orderBy(col("_t")).rangeBetween(-windowMillis, -1);
  }
}
