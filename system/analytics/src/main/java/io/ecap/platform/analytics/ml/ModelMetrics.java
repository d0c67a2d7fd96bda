package io.ecap.platform.analytics.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/** Held-out evaluation of a fraud model: ranking quality (AUCs) and what the alert threshold would do. */
public record ModelMetrics(double auc, double prAuc, double precision, double recall, double threshold, long trainRows,
                           long testRows, long testPositives) {

  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("auc", auc);
    m.put("pr_auc", prAuc);
    m.put("precision_at_threshold", precision);
    m.put("recall_at_threshold", recall);
    m.put("threshold", threshold);
    m.put("train_rows", (double) trainRows);
    m.put("test_rows", (double) testRows);
    m.put("test_positives", (double) testPositives);
    return m;
  }
}
