package io.ecap.platform.analytics.lake;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the lake up to date before a job reads it: new landing files into bronze, and silver rebuilt when bronze
 * changed since the last build (by Delta versions, recorded in {@code _meta/silver_builds}). Every job calls it, so
 * the jobs of a run can be listed in any order and each one is correct on its own; an up-to-date lake costs only
 * the version checks.
 */
public final class LakeRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(LakeRefresh.class);
  private static final String BUILDS = "silver_builds";
  private static final StructType BUILD_SCHEMA = new StructType()
      .add("load_id", DataTypes.StringType).add("bronze_versions", DataTypes.StringType)
      .add("silver_counts", DataTypes.StringType).add("built_at", DataTypes.TimestampType);

  private final LakeTables lake;

  public LakeRefresh(LakeTables lake) {
    this.lake = lake;
  }

  /** @return the silver row counts if silver was rebuilt, empty if it was already current */
  public Map<String, Long> refresh(String loadId) {
    List<String> landed = new BronzeIngestion(lake).ingestLanding(loadId);
    if (!landed.isEmpty()) {
      LOG.info("landing files ingested into bronze: {}", landed);
    }
    String versions = bronzeVersions();
    if (versions.isEmpty()) {
      throw new IllegalStateException("the lake at " + lake.config().root() + " has no bronze data: no landing files in "
          + lake.config().landing() + " and nothing streamed from Kafka yet");
    }
    if (lake.exists(Layer.META, BUILDS) && !lake.read(Layer.META, BUILDS)
        .filter(col("bronze_versions").equalTo(versions)).isEmpty()) {
      return Map.of();
    }
    Map<String, Long> counts = new SilverTables(lake).rebuild();
    Row build = RowFactory.create(loadId, versions, counts.toString(), new java.sql.Timestamp(System.currentTimeMillis()));
    lake.append(lake.spark().createDataFrame(List.of(build), BUILD_SCHEMA), Layer.META, BUILDS);
    LOG.info("silver rebuilt from bronze {}: {}", versions, counts);
    return counts;
  }

  private String bronzeVersions() {
    Map<String, Long> versions = new TreeMap<>();
    for (BronzeSource source : BronzeSource.values()) {
      lake.version(Layer.BRONZE, source.table()).ifPresent(v -> versions.put(source.table(), v));
    }
    return versions.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(","));
  }
}
