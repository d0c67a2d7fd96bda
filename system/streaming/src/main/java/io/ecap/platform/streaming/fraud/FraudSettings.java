package io.ecap.platform.streaming.fraud;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * @param modelPath the promoted model's parameters (JSON, see {@link FraudModelJson}); null: rule-based model only
 * @param alertThreshold scores at or above it raise an alert on {@code fraud-alerts}
 * @param reloadEvery how often the model file is checked for a new version
 */
public record FraudSettings(Path modelPath, double alertThreshold, Duration reloadEvery) {

  public static final FraudSettings DEFAULT = new FraudSettings(null, 0.5, Duration.ofSeconds(5));

  public FraudSettings {
    if (alertThreshold < 0 || alertThreshold > 1) {
      throw new IllegalArgumentException("alertThreshold must be in [0, 1]");
    }
  }

  /**
   * From the environment: {@code ECAP_FRAUD_MODEL_PATH} (optional), {@code ECAP_FRAUD_ALERT_THRESHOLD} (0.5),
   * {@code ECAP_FRAUD_MODEL_RELOAD_SECONDS} (5).
   */
  public static FraudSettings fromEnvironment(Map<String, String> env) {
    String path = env.get("ECAP_FRAUD_MODEL_PATH");
    return new FraudSettings(path == null || path.isBlank() ? null : Path.of(path.trim()),
        Double.parseDouble(env.getOrDefault("ECAP_FRAUD_ALERT_THRESHOLD", "0.5").trim()),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("ECAP_FRAUD_MODEL_RELOAD_SECONDS", "5").trim())));
  }

  public FraudSettings withModelPath(Path path) {
    return new FraudSettings(path, alertThreshold, reloadEvery);
  }
}
