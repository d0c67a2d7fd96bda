package io.ecap.platform.core.fraud.model;

import java.time.Instant;

/** One version in the model registry. {@code artifactPath} is the model's directory in the lake (model.json + MLlib model). */
public record RegisteredModel(String modelName, int version, ModelStage stage, FraudModelParameters parameters,
                              String artifactPath, Instant createdAt, Instant promotedAt) {
}
