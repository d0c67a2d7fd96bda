package io.ecap.platform.analytics.quality;

import io.ecap.platform.analytics.jobs.JobContext;
import io.ecap.platform.analytics.jobs.JobEnvironment;
import io.ecap.platform.analytics.jobs.LakeJob;

/**
 * Runs the silver rule set and stores the report (lake, PostgreSQL {@code data_quality_results}, metrics file),
 * printing one line per rule. Exits 2 when a CRITICAL rule fails (after storing the report), like the gate would.
 */
public final class DataQualityCheck extends LakeJob {

  private QualityReport lastReport;

  public DataQualityCheck(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new DataQualityCheck(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "data-quality";
  }

  @Override
  protected boolean promotesToGold() {
    return false;
  }

  /** The report of the latest {@link #execute} (for tests and callers in the same JVM). */
  public QualityReport lastReport() {
    return lastReport;
  }

  @Override
  protected long run(JobContext context) throws Exception {
    QualityReport report = new QualityEngine(context.lake(), context.clock()).run(SilverRules.all(context.clock()));
    new QualityReportStore(context.lake(), context.jdbc()).save(report);
    lastReport = report;
    report.results().forEach(r -> System.out.println((r.passed() ? "PASS " : "FAIL ") + r.summary()));
    if (!report.criticalFailures().isEmpty()) {
      throw new QualityGateFailed(report.criticalFailures());
    }
    return report.results().size();
  }
}
