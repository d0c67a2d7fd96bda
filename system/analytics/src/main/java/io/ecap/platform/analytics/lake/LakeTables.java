package io.ecap.platform.analytics.lake;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads and writes the lake's Delta tables by layer and name; exposes versions for time travel. */
public final class LakeTables {

  private final SparkSession spark;
  private final LakeConfig config;

  public LakeTables(SparkSession spark, LakeConfig config) {
    this.spark = spark;
    this.config = config;
  }

  public SparkSession spark() {
    return spark;
  }

  public LakeConfig config() {
    return config;
  }

  public String path(Layer layer, String name) {
    return config.table(layer, name);
  }

  public boolean exists(Layer layer, String name) {
    return DeltaTable.isDeltaTable(spark, path(layer, name));
  }

  public Dataset<Row> read(Layer layer, String name) {
    if (!exists(layer, name)) {
      throw new IllegalStateException("lake table " + layer.directory() + "/" + name + " does not exist yet at "
          + path(layer, name) + " (run the lake ingestion first)");
    }
    return spark.read().format("delta").load(path(layer, name));
  }

  /** The table as it was at {@code version} (Delta time travel). */
  public Dataset<Row> readVersion(Layer layer, String name, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(layer, name));
  }

  /** Latest committed version, or empty when the table does not exist. */
  public Optional<Long> version(Layer layer, String name) {
    if (!exists(layer, name)) {
      return Optional.empty();
    }
    // From the transaction log directly: history() would run a Spark job per call.
    return Optional.of(DeltaLog.forTable(spark, path(layer, name)).update(false, Option.empty(), Option.empty()).version());
  }

  /** Replaces the table's content in one commit (readers see old or new); the schema may evolve. */
  public void overwrite(Dataset<Row> data, Layer layer, String name, String... partitionColumns) {
    data.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .partitionBy(partitionColumns).save(path(layer, name));
  }

  /** Appends in one commit; new columns are added to the table's schema (schema evolution). */
  public void append(Dataset<Row> data, Layer layer, String name, String... partitionColumns) {
    data.write().format("delta").mode("append").option("mergeSchema", "true")
        .partitionBy(partitionColumns).save(path(layer, name));
  }
}
