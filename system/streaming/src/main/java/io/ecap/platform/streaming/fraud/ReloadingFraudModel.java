package io.ecap.platform.streaming.fraud;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model in use, swapped without restart when the {@link ModelSource} changes ({@link #refresh()} runs on a
 * timer in {@code FraudService}; a promotion in the registry is picked up at the next tick). A broken or invalid new model is rejected and the current one kept, so a bad
 * export never stops scoring. Without a promoted model the rule-based default scores.
 */
public final class ReloadingFraudModel implements FraudModel {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadingFraudModel.class);

  private final ModelSource source;
  private final FraudModel fallback;
  private final double declineThreshold;
  private final AtomicReference<FraudModel> current;
  private final Counter reloads;
  private final Counter rejected;
  private volatile String lastJson;

  /** @param declineThreshold for exported models, which carry only their review/alert threshold */
  public ReloadingFraudModel(ModelSource source, FraudModel fallback, double declineThreshold, MeterRegistry registry) {
    this.source = source;
    this.fallback = fallback;
    this.declineThreshold = declineThreshold;
    this.current = new AtomicReference<>(fallback);
    this.reloads = Counter.builder("ecap_fraud_model_reloads").description("Models loaded").register(registry);
    this.rejected = Counter.builder("ecap_fraud_model_rejected").description("Model updates rejected as invalid")
        .register(registry);
  }

  /** Loads the source's model if it changed; returns the model in use afterwards. */
  public FraudModel refresh() {
    Optional<String> json;
    try {
      json = source.read();
    } catch (Exception e) {
      // The source is unreachable (e.g. PostgreSQL restarting): not a bad model, so nothing is rejected.
      LOG.warn("model source unreachable, keeping {}: {}", current.get().version(), e.getMessage());
      return current.get();
    }
    if (json.isEmpty()) {
      if (lastJson != null) {
        LOG.info("promoted model withdrawn; scoring with {}", fallback.version());
        current.set(fallback);
        lastJson = null;
      }
      return current.get();
    }
    if (json.get().equals(lastJson)) {
      return current.get();
    }
    try {
      FraudModel next = FraudModelReader.parse(json.get(), declineThreshold);
      FraudModel previous = current.getAndSet(next);
      reloads.increment();
      LOG.info("fraud model {} replaced by {}", previous.version(), next.version());
    } catch (RuntimeException e) {
      rejected.increment();
      LOG.warn("model update rejected, keeping {}: {}", current.get().version(), e.getMessage());
    }
    // Remembered either way: a rejected model is not parsed (and counted) again at every tick.
    lastJson = json.get();
    return current.get();
  }

  public FraudModel current() {
    return current.get();
  }

  @Override
  public String version() {
    return current.get().version();
  }

  @Override
  public double reviewThreshold() {
    return current.get().reviewThreshold();
  }

  @Override
  public double declineThreshold() {
    return current.get().declineThreshold();
  }

  @Override
  public FraudScore score(double[] features) {
    return current.get().score(features);
  }
}
