package io.ecap.platform.analytics.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze to silver: parse with the typed schemas, de-duplicate by event id (the first landing wins, so a Kafka
 * redelivery or a file loaded twice counts once), conform (trimmed, upper-case country and currency codes, lower-case
 * e-mails, UTC timestamps, date partitions). Lines that do not parse go to {@code silver/_rejected}. Values that
 * parse but are wrong (a negative amount, an unknown customer) are kept: the quality rules must see and count them.
 * Each build rewrites the silver tables in one commit per table, so the previous build stays readable by time travel.
 */
public final class SilverTables {

  public static final String CUSTOMERS = "customers";
  public static final String PRODUCTS = "products";
  public static final String ORDERS = "orders";
  public static final String ORDER_ITEMS = "order_items";
  public static final String PAYMENTS = "payments";
  public static final String CLICKSTREAM = "clickstream";
  public static final String FRAUD_LABELS = "fraud_labels";
  public static final String REJECTED = "_rejected";

  private final LakeTables lake;

  public SilverTables(LakeTables lake) {
    this.lake = lake;
  }

  /** Rebuilds every silver table from bronze; returns row counts per table. */
  public Map<String, Long> rebuild() {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Dataset<Row>> rejectedParts = new ArrayList<>();
    for (BronzeSource source : BronzeSource.values()) {
      if (!lake.exists(Layer.BRONZE, source.table())) {
        continue;
      }
      Dataset<Row> parsed = parse(source).cache();
      Dataset<Row> bad = parsed.filter(col("v").isNull().or(col("event_id").isNull()))
          .select(col("event_id"), col("source"), col("payload"), col("load_id"), col("ingested_at"),
              lit(source.table()).as("bronze_table"));
      // Materialised now, while the parse is cached: a lazy union would re-read and re-parse all of bronze at the end.
      Dataset<Row> badRows = bad.cache();
      badRows.count();
      rejectedParts.add(badRows);
      Dataset<Row> good = firstLanding(parsed.filter(col("v").isNotNull().and(col("event_id").isNotNull())));
      switch (source) {
        case ORDERS -> {
          Dataset<Row> orders = orders(good).cache();
          counts.put(ORDERS, write(orders.drop("items"), ORDERS, "order_date"));
          counts.put(ORDER_ITEMS, write(orderItems(orders), ORDER_ITEMS));
          orders.unpersist();
        }
        case PAYMENTS -> counts.put(PAYMENTS, write(payments(good), PAYMENTS));
        case CLICKSTREAM -> counts.put(CLICKSTREAM, write(clicks(good), CLICKSTREAM, "event_date"));
        case CUSTOMERS -> counts.put(CUSTOMERS, write(customers(good), CUSTOMERS));
        case PRODUCTS -> counts.put(PRODUCTS, write(products(good), PRODUCTS));
        case FRAUD_LABELS -> counts.put(FRAUD_LABELS, write(good.select(col("v.orderId").as("order_id"),
            upper(trim(col("v.pattern"))).as("pattern"), col("load_id"), col("ingested_at")), FRAUD_LABELS));
      }
      parsed.unpersist();
    }
    if (!rejectedParts.isEmpty()) {
      counts.put(REJECTED, write(rejectedParts.stream().reduce(Dataset::unionByName).orElseThrow(), REJECTED));
      rejectedParts.forEach(Dataset::unpersist);
    }
    return counts;
  }

  private Dataset<Row> parse(BronzeSource source) {
    StructType schema = switch (source) {
      case ORDERS -> EventSchemas.ORDER;
      case PAYMENTS -> EventSchemas.PAYMENT;
      case CLICKSTREAM -> EventSchemas.CLICK;
      case CUSTOMERS -> EventSchemas.CUSTOMER;
      case PRODUCTS -> EventSchemas.PRODUCT;
      case FRAUD_LABELS -> EventSchemas.FRAUD_LABEL;
    };
    Column parsed = from_json(col("payload"), schema);
    Dataset<Row> rows = lake.read(Layer.BRONZE, source.table()).withColumn("v", parsed);
    // Envelopes: the payload must carry its data; a JSON object without it is as unusable as a broken line.
    return schema.getFieldIndex("data").isDefined()
        ? rows.withColumn("v", org.apache.spark.sql.functions.when(col("v.data").isNotNull(), col("v.data"))) : rows;
  }

  private static Dataset<Row> firstLanding(Dataset<Row> rows) {
    return rows.withColumn("_n", row_number().over(Window.partitionBy("event_id")
            .orderBy(col("ingested_at"), col("kafka_offset").asc_nulls_first(), col("source"))))
        .filter(col("_n").equalTo(1)).drop("_n");
  }

  private long write(Dataset<Row> rows, String table, String... partitions) {
    Dataset<Row> cached = rows.cache();
    long n = cached.count();
    lake.overwrite(cached, Layer.SILVER, table, partitions);
    cached.unpersist();
    return n;
  }

  private static Dataset<Row> orders(Dataset<Row> good) {
    return good.select(col("v.orderId").as("order_id"), col("event_id"), col("v.customerId").as("customer_id"),
        upper(trim(col("v.status"))).as("status"), upper(trim(col("v.currency"))).as("currency"),
        col("v.totalCents").as("total_cents"), upper(trim(col("v.shippingCountry"))).as("shipping_country"),
        col("v.placedAt").as("placed_at"), to_date(col("v.placedAt")).as("order_date"), col("v.items").as("items"),
        col("load_id"), col("ingested_at"));
  }

  private static Dataset<Row> orderItems(Dataset<Row> orders) {
    return orders.select(col("order_id"), col("customer_id"), col("status"), col("placed_at"),
            explode(col("items")).as("line"))
        .select(col("order_id"), col("line.lineNo").as("line_no"), col("line.productId").as("product_id"),
            col("line.quantity").as("quantity"), col("line.unitPriceCents").as("unit_price_cents"),
            col("customer_id"), col("status"), col("placed_at"));
  }

  private static Dataset<Row> payments(Dataset<Row> good) {
    return good.select(col("v.paymentId").as("payment_id"), col("event_id"), col("v.orderId").as("order_id"),
        col("v.customerId").as("customer_id"), col("v.amountCents").as("amount_cents"),
        upper(trim(col("v.currency"))).as("currency"), col("v.cardFingerprint").as("card_fingerprint"),
        upper(trim(col("v.billingCountry"))).as("billing_country"), upper(trim(col("v.status"))).as("status"),
        col("v.createdAt").as("created_at"), col("load_id"), col("ingested_at"));
  }

  private static Dataset<Row> clicks(Dataset<Row> good) {
    return good.select(col("event_id"), col("v.sessionId").as("session_id"), col("v.customerId").as("customer_id"),
        upper(trim(col("v.action"))).as("action"), col("v.page").as("page"), col("v.productId").as("product_id"),
        col("v.orderId").as("order_id"), upper(trim(col("v.country"))).as("country"),
        col("v.occurredAt").as("occurred_at"), to_date(col("v.occurredAt")).as("event_date"), col("load_id"),
        col("ingested_at"));
  }

  private static Dataset<Row> customers(Dataset<Row> good) {
    return good.select(col("v.id").as("customer_id"), lower(trim(col("v.email"))).as("email"),
        trim(col("v.name")).as("name"), upper(trim(col("v.country"))).as("country"),
        col("v.createdAt").as("created_at"), col("load_id"), col("ingested_at"));
  }

  private static Dataset<Row> products(Dataset<Row> good) {
    return good.select(col("v.id").as("product_id"), trim(col("v.sku")).as("sku"), trim(col("v.name")).as("name"),
        trim(col("v.category")).as("category"), col("v.priceCents").as("price_cents"),
        upper(trim(col("v.currency"))).as("currency"), col("v.active").as("active"),
        col("v.createdAt").as("created_at"), col("load_id"), col("ingested_at"));
  }
}
