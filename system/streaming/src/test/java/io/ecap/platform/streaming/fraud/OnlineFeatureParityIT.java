package io.ecap.platform.streaming.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.features.FraudObservation;
import io.ecap.platform.core.fraud.features.PriorOrder;
import io.ecap.platform.streaming.service.Connections;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;
import redis.embedded.RedisServer;

/**
 * Train/serve parity on the serving side: the features the fraud service computes from its Redis history equal,
 * bit for bit, {@link FraudFeatures#compute} over every earlier paid order (what the lake's feature job computes;
 * FraudFeatureParityIT in system/analytics holds the Spark table to the same function). The orders are crafted to
 * sit on every window edge: same millisecond, exactly 10 minutes / 24 hours / 30 days apart, and older.
 */
class OnlineFeatureParityIT {

  private static RedisServer server;
  private static JedisPool redis;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = new RedisServer(port);
    server.start();
    redis = Connections.redis("redis://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
    server.stop();
  }

  @Test
  void onlineFeaturesEqualTheSharedDefinitionOverTheWholeHistory() {
    SplittableRandom random = new SplittableRandom(11);
    Instant start = Instant.parse("2031-05-01T00:00:00Z");
    List<Duration> edges = List.of(Duration.ZERO, FraudFeatures.VELOCITY_WINDOW, FraudFeatures.CARD_WINDOW,
        FraudFeatures.AMOUNT_WINDOW, FraudFeatures.VELOCITY_WINDOW.minusMillis(1), FraudFeatures.CARD_WINDOW.plusMillis(1),
        Duration.ofDays(45));
    List<FraudObservation> all = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      UUID customer = UUID.randomUUID();
      Instant createdAt = start.minus(Duration.ofMinutes(random.nextInt(0, 3_000)));
      String country = random.nextBoolean() ? "DE" : "FR";
      Instant t = start;
      for (int o = 0; o < 25; o++) {
        t = t.plus(random.nextInt(3) == 0 ? edges.get(random.nextInt(edges.size()))
            : Duration.ofSeconds(random.nextInt(1, 90_000)));
        all.add(new FraudObservation(UUID.randomUUID(), customer, t, random.nextLong(100, 500_000),
            "card-" + random.nextInt(4), country, random.nextInt(5) == 0 ? "US" : country,
            random.nextInt(7) == 0 ? "BR" : country, createdAt));
      }
    }
    all.sort(Comparator.comparing(FraudObservation::at));
    OnlineFeatureStore store = new OnlineFeatureStore(redis);
    int compared = 0;
    for (FraudObservation o : all) {
      double[] online = store.observe(o);
      List<PriorOrder> history = all.stream().filter(p -> p.customerId().equals(o.customerId()) && p != o)
          .map(FraudObservation::asPrior).toList();
      assertThat(online).as("features of order %s at %s", o.orderId(), o.at())
          .containsExactly(FraudFeatures.compute(o, history));
      compared++;
    }
    assertThat(compared).isEqualTo(300);
    // A replay (the same order again after a crash) sees the same history and changes nobody's features.
    FraudObservation last = all.get(all.size() - 1);
    List<PriorOrder> history = all.stream().filter(p -> p.customerId().equals(last.customerId()) && p != last)
        .map(FraudObservation::asPrior).toList();
    assertThat(store.observe(last)).containsExactly(FraudFeatures.compute(last, history));
  }
}
