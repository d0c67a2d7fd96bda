package io.ecap.platform.analytics.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Batch ingestion: JSON Lines files in the landing directory appended to bronze as they are, one row per line,
 * with where and when they landed. A file already ingested (same path, size and modification time, per the landing
 * log) is skipped, so re-running the job does not duplicate bronze.
 */
public final class BronzeIngestion {

  /** Bronze columns; {@code kafka_*} are null for file loads. Partitioned by ingest_date. */
  public static final String[] COLUMNS = {"event_id", "event_type", "source", "payload", "kafka_partition",
      "kafka_offset", "load_id", "ingested_at", "ingest_date"};

  private static final String LANDING_LOG = "landing_log";
  private static final StructType LOG_SCHEMA = new StructType()
      .add("path", DataTypes.StringType).add("size", DataTypes.LongType).add("modified", DataTypes.LongType)
      .add("load_id", DataTypes.StringType).add("rows", DataTypes.LongType);

  private final LakeTables lake;

  public BronzeIngestion(LakeTables lake) {
    this.lake = lake;
  }

  /** Shapes raw lines ({@code value}) of {@code source} into bronze rows. */
  public static Dataset<Row> bronzeRows(Dataset<Row> lines, BronzeSource source, String origin, String loadId) {
    return lines
        .withColumn("event_id", get_json_object(col("value"), source.idPath()))
        .withColumn("event_type", get_json_object(col("value"), "$.eventType"))
        .withColumn("source", lit(origin))
        .withColumnRenamed("value", "payload")
        .withColumn("kafka_partition", lit(null).cast(DataTypes.IntegerType))
        .withColumn("kafka_offset", lit(null).cast(DataTypes.LongType))
        .withColumn("load_id", lit(loadId))
        .withColumn("ingested_at", current_timestamp())
        .withColumn("ingest_date", to_date(col("ingested_at")))
        .selectExpr(COLUMNS);
  }

  /** Ingests every new landing file; returns rows appended per file. */
  public List<String> ingestLanding(String loadId) {
    List<String> loaded = new ArrayList<>();
    List<Row> logRows = new ArrayList<>();
    List<Row> landed = lake.exists(Layer.META, LANDING_LOG)
        ? lake.read(Layer.META, LANDING_LOG).select("path", "size", "modified").collectAsList() : List.of();
    for (BronzeSource source : BronzeSource.values()) {
      String file = lake.config().landing() + "/" + source.landingFile();
      FileStatus status = status(file);
      if (status == null || alreadyIngested(landed, file, status)) {
        continue;
      }
      Dataset<Row> lines = lake.spark().read().text(file).filter(col("value").notEqual(""));
      Dataset<Row> rows = bronzeRows(lines, source, "file:" + source.landingFile(), loadId).cache();
      long count = rows.count();
      lake.append(rows, Layer.BRONZE, source.table(), "ingest_date");
      rows.unpersist();
      logRows.add(RowFactory.create(file, status.getLen(), status.getModificationTime(), loadId, count));
      loaded.add(source.table() + "=" + count);
    }
    if (!logRows.isEmpty()) {
      lake.append(lake.spark().createDataFrame(logRows, LOG_SCHEMA), Layer.META, LANDING_LOG);
    }
    return loaded;
  }

  private static boolean alreadyIngested(List<Row> landed, String file, FileStatus status) {
    return landed.stream().anyMatch(r -> r.getString(0).equals(file) && r.getLong(1) == status.getLen()
        && r.getLong(2) == status.getModificationTime());
  }

  private FileStatus status(String file) {
    try {
      Path path = new Path(file);
      FileSystem fs = path.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      return fs.exists(path) ? fs.getFileStatus(path) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read landing file " + file, e);
    }
  }
}
