package io.ecap.platform.analytics.quality;

import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What rules read during one run: each silver table read and cached once (twenty rules over seven tables would
 * otherwise re-read the files twenty times), plus the lake itself for versions and time travel.
 */
public final class RuleInputs implements AutoCloseable {

  private final LakeTables lake;
  private final Map<String, Dataset<Row>> tables = new HashMap<>();

  public RuleInputs(LakeTables lake) {
    this.lake = lake;
  }

  public LakeTables lake() {
    return lake;
  }

  public Dataset<Row> silver(String table) {
    return tables.computeIfAbsent(table, t -> lake.read(Layer.SILVER, t).cache());
  }

  @Override
  public void close() {
    tables.values().forEach(Dataset::unpersist);
  }
}
