package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.FraudPattern;
import java.util.Map;

/** What a generation run produced, by count. */
public record DatasetSummary(String profile, long seed, int products, int customers, int orders, int orderItems,
                             int clicks, int fraudOrders, Map<FraudPattern, Integer> fraudByPattern,
                             long revenueCents) {

  public DatasetSummary {
    fraudByPattern = Map.copyOf(fraudByPattern);
  }
}
