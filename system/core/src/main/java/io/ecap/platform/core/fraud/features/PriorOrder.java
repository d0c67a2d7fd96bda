package io.ecap.platform.core.fraud.features;

import java.time.Instant;

/** An earlier order of the same customer: all the history the features need (kept for {@link FraudFeatures#HISTORY}). */
public record PriorOrder(Instant at, long amountCents, String cardFingerprint) {
}
