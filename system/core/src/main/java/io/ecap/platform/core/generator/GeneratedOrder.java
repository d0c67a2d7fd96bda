package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.FraudPattern;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.Payment;

/** An order with its payment and, for fraudulent ones, the pattern it was generated from (null when legitimate). */
public record GeneratedOrder(Order order, Payment payment, FraudPattern fraudPattern) {

  public boolean fraud() {
    return fraudPattern != null;
  }
}
