package io.ecap.platform.analytics.quality;

import io.ecap.platform.analytics.lake.LakeTables;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Stands between silver and gold: every gold job calls {@link #require()} before reading silver. The check runs
 * once per silver build (reports are cached by silver versions), so five jobs in a row pay for it once.
 */
public final class QualityGate {

  private final LakeTables lake;
  private final QualityReportStore store;
  private final Clock clock;

  public QualityGate(LakeTables lake, QualityReportStore store, Clock clock) {
    this.lake = lake;
    this.store = store;
    this.clock = clock;
  }

  /** @throws QualityGateFailed when a CRITICAL rule fails on the current silver tables */
  public QualityReport require() throws SQLException {
    QualityReport report = store.forVersions(QualityEngine.silverVersions(lake)).orElse(null);
    if (report == null) {
      report = new QualityEngine(lake, clock).run(SilverRules.all(clock));
      store.save(report);
    }
    if (!report.criticalFailures().isEmpty()) {
      throw new QualityGateFailed(report.criticalFailures());
    }
    return report;
  }
}
