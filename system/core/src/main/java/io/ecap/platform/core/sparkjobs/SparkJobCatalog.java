package io.ecap.platform.core.sparkjobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark jobs of the platform by short name (as an IntegrationTestRun may list them) and main class (the
 * contract: what spark-submit and {@link SparkJobLauncher} run). A fully qualified class name is accepted as is.
 */
public final class SparkJobCatalog {

  private static final String JOBS = "io.ecap.platform.analytics.jobs.";

  public static final Map<String, String> MAIN_CLASSES;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lake-ingestion", JOBS + "LakeIngestion");
    m.put("streaming-ingestion", JOBS + "StreamingIngestion");
    m.put("data-quality", "io.ecap.platform.analytics.quality.DataQualityCheck");
    m.put("rfm", JOBS + "RfmSegmentation");
    m.put("clv", JOBS + "CustomerLifetimeValue");
    m.put("product-analytics", JOBS + "ProductPerformance");
    m.put("bi-aggregates", JOBS + "BusinessAggregates");
    m.put("fraud-training", "io.ecap.platform.analytics.ml.FraudModelTraining");
    m.put("model-monitoring", "io.ecap.platform.analytics.ml.FraudModelMonitoring");
    m.put("lake-queries", JOBS + "LakeQueries");
    MAIN_CLASSES = Map.copyOf(m);
  }

  private SparkJobCatalog() {
  }

  /** The main class of a job given by short name or by class name. */
  public static String mainClassOf(String job) {
    if (job.contains(".")) {
      return job;
    }
    String main = MAIN_CLASSES.get(job);
    if (main == null) {
      throw new IllegalArgumentException("unknown Spark job '" + job + "' (known: " + MAIN_CLASSES.keySet() + ")");
    }
    return main;
  }
}
