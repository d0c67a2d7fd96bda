package io.ecap.platform.analytics.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;

import io.ecap.platform.core.fraud.model.FraudModelParameters;
import org.apache.spark.sql.Column;

/** The exported model's formula as a Spark column: what FraudModelScorer computes in plain Java, for whole tables. */
public final class FraudScoreColumn {

  private FraudScoreColumn() {
  }

  public static Column of(FraudModelParameters parameters) {
    Column z = lit(parameters.intercept());
    for (int i = 0; i < parameters.featureNames().size(); i++) {
      z = z.plus(col(parameters.featureNames().get(i)).multiply(lit(parameters.coefficients().get(i))));
    }
    return lit(1.0).divide(lit(1.0).plus(exp(z.multiply(-1.0))));
  }
}
