package io.ecap.platform.analytics.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Spark schemas of the JSON that lands in bronze: the wire envelopes (documented by the JSON Schemas under
 * {@code /schemas} in system-core) and the entity records written by the generator. UUIDs stay strings.
 */
public final class EventSchemas {

  private EventSchemas() {
  }

  private static StructType envelope(StructType data) {
    return new StructType()
        .add("eventId", StringType).add("eventType", StringType).add("schemaVersion", IntegerType)
        .add("occurredAt", TimestampType).add("correlationId", StringType).add("traceId", StringType)
        .add("data", data);
  }

  public static final StructType ORDER_LINE = new StructType()
      .add("lineNo", IntegerType).add("productId", StringType).add("quantity", IntegerType)
      .add("unitPriceCents", LongType);

  public static final StructType ORDER = envelope(new StructType()
      .add("orderId", StringType).add("customerId", StringType).add("status", StringType).add("currency", StringType)
      .add("totalCents", LongType).add("shippingCountry", StringType).add("placedAt", TimestampType)
      .add("items", new ArrayType(ORDER_LINE, true)));

  public static final StructType PAYMENT = envelope(new StructType()
      .add("paymentId", StringType).add("orderId", StringType).add("customerId", StringType)
      .add("amountCents", LongType).add("currency", StringType).add("cardFingerprint", StringType)
      .add("billingCountry", StringType).add("status", StringType).add("createdAt", TimestampType));

  public static final StructType CLICK = envelope(new StructType()
      .add("sessionId", StringType).add("customerId", StringType).add("action", StringType).add("page", StringType)
      .add("productId", StringType).add("orderId", StringType).add("country", StringType)
      .add("occurredAt", TimestampType));

  public static final StructType CUSTOMER = new StructType()
      .add("id", StringType).add("email", StringType).add("name", StringType).add("country", StringType)
      .add("createdAt", TimestampType);

  public static final StructType PRODUCT = new StructType()
      .add("id", StringType).add("sku", StringType).add("name", StringType).add("category", StringType)
      .add("priceCents", LongType).add("currency", StringType).add("active", BooleanType)
      .add("createdAt", TimestampType);

  public static final StructType FRAUD_LABEL = new StructType()
      .add("orderId", StringType).add("pattern", StringType);
}
