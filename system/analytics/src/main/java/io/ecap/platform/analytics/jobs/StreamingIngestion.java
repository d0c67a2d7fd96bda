package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import io.ecap.platform.analytics.lake.BronzeIngestion;
import io.ecap.platform.analytics.lake.BronzeSource;
import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.lake.LakeSession;
import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.LoadId;
import io.ecap.platform.core.Topics;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Spark Structured Streaming from the orders, payments and clickstream topics into the bronze tables.
 * Exactly-once into Delta: offsets live in the checkpoint, and each micro-batch is written with Delta's idempotent
 * {@code txnAppId/txnVersion}, so a batch replayed after a crash is not appended twice.
 *
 * <p>Usage: {@code StreamingIngestion [--continuous [--interval-seconds N]]}. By default it consumes what is on the
 * topics now and stops (Trigger.AvailableNow: what a job list after seeding wants); {@code --continuous} keeps
 * running with a processing-time trigger. Needs ECAP_KAFKA_BOOTSTRAP and ECAP_LAKE_PATH.
 */
public final class StreamingIngestion {

  public static final String APP_ID = "ecap-streaming-bronze";
  private static final List<String> TOPICS = List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.CLICKSTREAM);

  private final LakeTables lake;

  public StreamingIngestion(LakeTables lake) {
    this.lake = lake;
  }

  public static void main(String[] args) throws Exception {
    LakeConfig config = LakeConfig.fromEnvironment();
    if (config.kafkaBootstrap() == null) {
      System.err.println("ECAP_KAFKA_BOOTSTRAP is not set");
      System.exit(1);
    }
    SparkSession spark = LakeSession.create("streaming-ingestion");
    List<String> a = List.of(args);
    int i = a.indexOf("--interval-seconds");
    long interval = i >= 0 ? Long.parseLong(a.get(i + 1)) : 10;
    StreamingQuery query = new StreamingIngestion(new LakeTables(spark, config))
        .start(a.contains("--continuous") ? Trigger.ProcessingTime(interval * 1000) : Trigger.AvailableNow());
    query.awaitTermination();
    spark.stop();
    System.exit(query.exception().isDefined() ? 1 : 0);
  }

  public StreamingQuery start(Trigger trigger) throws TimeoutException {
    Dataset<Row> raw = lake.spark().readStream().format("kafka")
        .option("kafka.bootstrap.servers", lake.config().kafkaBootstrap())
        .option("subscribe", String.join(",", TOPICS))
        .option("startingOffsets", "earliest")
        .option("failOnDataLoss", "false")
        .load();
    Dataset<Row> rows = raw.select(col("topic"), col("partition").as("kafka_partition"), col("offset").as("kafka_offset"),
        col("value").cast("string").as("payload"));
    return rows.writeStream()
        .option("checkpointLocation", lake.config().checkpoint("streaming-bronze"))
        .trigger(trigger)
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) this::writeBatch)
        .start();
  }

  /** One micro-batch: split by topic, shape as bronze rows, append idempotently per table. */
  private void writeBatch(Dataset<Row> batch, Long batchId) {
    Dataset<Row> cached = batch.cache();
    String loadId = LoadId.next() + "-batch" + batchId;
    for (String topic : TOPICS) {
      BronzeSource source = BronzeSource.ofTopic(topic);
      Dataset<Row> part = cached.filter(col("topic").equalTo(topic));
      if (part.isEmpty()) {
        continue;
      }
      Dataset<Row> bronze = part
          .withColumn("event_id", get_json_object(col("payload"), source.idPath()))
          .withColumn("event_type", get_json_object(col("payload"), "$.eventType"))
          .withColumn("source", lit("kafka:" + topic))
          .withColumn("load_id", lit(loadId))
          .withColumn("ingested_at", current_timestamp())
          .withColumn("ingest_date", to_date(col("ingested_at")))
          .selectExpr(BronzeIngestion.COLUMNS);
      bronze.write().format("delta").mode("append").option("mergeSchema", "true")
          .option("txnAppId", APP_ID + "-" + topic).option("txnVersion", batchId)
          .partitionBy("ingest_date").save(lake.path(Layer.BRONZE, source.table()));
    }
    cached.unpersist();
  }
}
