package io.ecap.platform.analytics.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.analytics.SharedLake;
import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.features.FraudObservation;
import io.ecap.platform.core.fraud.features.PriorOrder;
import io.ecap.platform.core.generator.Dataset;
import io.ecap.platform.core.generator.GeneratedOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Train/serve skew: the lake's feature table (Spark windows) and the online definition (FraudFeatures, fed each
 * customer's history as the fraud service would hold it) agree on every feature of every order.
 */
class FraudFeatureParityIT {

  static TestLake lake;
  static Dataset data;

  @BeforeAll
  static void land() {
    lake = SharedLake.get();
    data = SharedLake.dataset();
  }

  @Test
  void offlineFeaturesEqualOnlineFeaturesForEveryOrder() {
    Map<UUID, Customer> customers = data.customers().stream().collect(Collectors.toMap(Customer::id, Function.identity()));
    Map<UUID, List<PriorOrder>> history = new HashMap<>();
    List<FraudObservation> observations = new ArrayList<>();
    for (GeneratedOrder g : data.orders()) {
      Customer c = customers.get(g.order().customerId());
      FraudObservation o = new FraudObservation(g.order().id(), c.id(), g.order().createdAt(), g.order().totalCents(),
          g.payment().cardFingerprint(), c.country(), g.order().shippingCountry(), g.payment().billingCountry(),
          c.createdAt());
      observations.add(o);
      history.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(o.asPrior());
    }
    Map<String, double[]> online = new HashMap<>();
    for (FraudObservation o : observations) {
      online.put(o.orderId().toString(), FraudFeatures.compute(o, history.get(o.customerId())));
    }

    List<Row> offline = FraudFeatureTable.fromLake(lake.tables()).collectAsList();
    assertThat(offline).hasSize(data.orders().size());
    double maxVelocity = 0;
    double maxCards = 0;
    for (Row r : offline) {
      double[] expected = online.get(r.<String>getAs("order_id"));
      for (int i = 0; i < FraudFeatures.NAMES.size(); i++) {
        String name = FraudFeatures.NAMES.get(i);
        assertThat(r.<Double>getAs(name)).as(name + " of order " + r.getAs("order_id")).isEqualTo(expected[i]);
      }
      maxVelocity = Math.max(maxVelocity, expected[0]);
      maxCards = Math.max(maxCards, expected[1]);
    }
    // The data exercises the windows (bursts and card hopping), so agreement is not agreement on zeros.
    assertThat(maxVelocity).isGreaterThanOrEqualTo(2);
    assertThat(maxCards).isGreaterThanOrEqualTo(3);
  }
}
