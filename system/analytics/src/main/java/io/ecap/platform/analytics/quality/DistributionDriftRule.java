package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.ecap.platform.analytics.lake.Layer;
import java.util.Optional;

/**
 * The rows of the latest load are distributed like the table before that load: PSI of {@code column} between the
 * latest load's rows and the previous version of the table (Delta time travel), held under {@code maxPsi}. With no
 * previous version, or no earlier load, there is nothing to compare and the rule passes saying so.
 */
public final class DistributionDriftRule extends TableRule {

  private final String column;
  private final double maxPsi;

  public DistributionDriftRule(String table, String column, double maxPsi, Severity severity) {
    super(table + "." + column + ".no_drift", table, RuleKind.DISTRIBUTION_DRIFT, severity);
    this.column = column;
    this.maxPsi = maxPsi;
  }

  @Override
  public RuleResult evaluate(RuleInputs inputs) {
    var current = inputs.silver(table());
    long total = current.count();
    Optional<Long> version = inputs.lake().version(Layer.SILVER, table());
    String latestLoad = current.agg(max("load_id")).head().getString(0);
    if (version.isEmpty() || version.get() == 0 || latestLoad == null) {
      return measured(true, 0, total, 0.0, maxPsi, "no previous load to compare with");
    }
    var baseline = inputs.lake().readVersion(Layer.SILVER, table(), version.get() - 1)
        .filter(col("load_id").lt(latestLoad));
    var latest = current.filter(col("load_id").equalTo(latestLoad));
    long latestRows = latest.count();
    if (baseline.isEmpty() || latestRows == 0) {
      return measured(true, 0, total, 0.0, maxPsi, "no previous load to compare with");
    }
    double psi = PopulationStability.psi(baseline, latest, column);
    boolean stable = psi <= maxPsi;
    return measured(stable, stable ? 0 : latestRows, total, psi, maxPsi,
        String.format("PSI of %s, load %s (%d rows) vs version %d: %.4f (limit %.2f)", column, latestLoad, latestRows,
            version.get() - 1, psi, maxPsi));
  }
}
