package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.fraud.model.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the fraud service gets its model, in order of preference: the PRODUCTION version of {@code registryModel}
 * in the model registry, else the file at {@code modelPath}, else the built-in rules.
 *
 * @param registryModel model name polled in the registry; null: the registry is not consulted
 * @param modelPath a model file (exported parameters or rules, see {@link FraudModelReader}); null: none
 * @param declineThreshold exported models review and alert at their own threshold; they decline at this one
 * @param reloadEvery how often the sources are checked for a new version
 */
public record FraudSettings(String registryModel, Path modelPath, double declineThreshold, Duration reloadEvery) {

  public static final FraudSettings DEFAULT =
      new FraudSettings(ModelRegistry.FRAUD_MODEL, null, 0.9, Duration.ofSeconds(5));

  public FraudSettings {
    if (declineThreshold < 0 || declineThreshold > 1) {
      throw new IllegalArgumentException("declineThreshold must be in [0, 1]");
    }
  }

  /**
   * From the environment: {@code ECAP_FRAUD_REGISTRY_MODEL} ({@code fraud-lr}; {@code none} turns the registry off),
   * {@code ECAP_FRAUD_MODEL_PATH} (optional), {@code ECAP_FRAUD_DECLINE_THRESHOLD} (0.9),
   * {@code ECAP_FRAUD_MODEL_RELOAD_SECONDS} (5).
   */
  public static FraudSettings fromEnvironment(Map<String, String> env) {
    String registry = env.getOrDefault("ECAP_FRAUD_REGISTRY_MODEL", DEFAULT.registryModel()).trim();
    String path = env.get("ECAP_FRAUD_MODEL_PATH");
    return new FraudSettings(registry.isEmpty() || registry.equals("none") ? null : registry,
        path == null || path.isBlank() ? null : Path.of(path.trim()),
        Double.parseDouble(env.getOrDefault("ECAP_FRAUD_DECLINE_THRESHOLD", "0.9").trim()),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("ECAP_FRAUD_MODEL_RELOAD_SECONDS", "5").trim())));
  }
}
