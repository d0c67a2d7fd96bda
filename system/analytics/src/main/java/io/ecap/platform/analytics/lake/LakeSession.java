package io.ecap.platform.analytics.lake;

import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a job: Delta Lake enabled, UTC. Under spark-submit the master and resources come from the
 * submit (spark.master is set); run with plain {@code java}, it is local mode sized for a small machine
 * ({@code ECAP_SPARK_MASTER}, default local[2]).
 */
public final class LakeSession {

  private LakeSession() {
  }

  public static SparkSession create(String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "false");
    if (System.getProperty("spark.master") == null) {
      String master = System.getenv().getOrDefault("ECAP_SPARK_MASTER", "local[2]");
      builder.master(master)
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.sql.adaptive.coalescePartitions.initialPartitionNum", "4");
    }
    return builder.getOrCreate();
  }
}
