package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.features.FraudObservation;
import io.ecap.platform.core.fraud.features.PriorOrder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.resps.Tuple;

/**
 * The online side of the fraud features: the customer's paid orders kept in Redis, from which
 * {@link FraudFeatures#compute} (the one definition, which the lake's feature job mirrors) derives the vector. An
 * order is scored once its payment has arrived too (either order), like the offline table joins orders with
 * payments. Every write is keyed by an entity id, so replaying an event after a crash writes the same members again
 * and changes no feature. Keys:
 * <ul>
 *   <li>{@code ecap:fraud:customer:<id>:paid}: members {@code <orderId>|<amountCents>|<cardFingerprint>} scored by
 *       the order's event time (epoch millis), kept {@link FraudFeatures#HISTORY} plus a day for late events;</li>
 *   <li>{@code ecap:fraud:order:<id>}: a hash joining the order and its payment until both arrived (1 h).</li>
 * </ul>
 * An order that arrives after later orders of its customer were scored is not in their history (they were scored
 * first); offline every order sees all earlier ones. That is the only place serving and training may differ.
 */
public final class OnlineFeatureStore {

  /** An order with its payment: what is scored. */
  public record Joined(OrderPlaced order, PaymentEvent payment) {
  }

  private static final long KEEP_MS = FraudFeatures.HISTORY.plusDays(1).toMillis();
  private static final long JOIN_TTL_SECONDS = Duration.ofHours(1).toSeconds();

  private final JedisPool redis;

  public OnlineFeatureStore(JedisPool redis) {
    this.redis = redis;
  }

  /** Returns the pair when the order's payment arrived first. */
  public Optional<Joined> recordOrder(OrderPlaced order) {
    try (Jedis jedis = redis.getResource()) {
      return join(jedis, order.orderId().toString(), "order", EventJson.write(order));
    }
  }

  /** Returns the pair when the payment's order arrived first. */
  public Optional<Joined> recordPayment(PaymentEvent payment) {
    try (Jedis jedis = redis.getResource()) {
      return join(jedis, payment.orderId().toString(), "payment", EventJson.write(payment));
    }
  }

  /** What the features see of a joined order and its customer. */
  public static FraudObservation observation(Joined joined, CustomerProfiles.Profile customer) {
    OrderPlaced order = joined.order();
    PaymentEvent payment = joined.payment();
    return new FraudObservation(order.orderId(), order.customerId(), order.placedAt(), order.totalCents(),
        payment.cardFingerprint(), customer.country(), order.shippingCountry(), payment.billingCountry(),
        customer.createdAt());
  }

  /**
   * The feature vector of {@code observation} from the customer's paid orders before it, and the order added to
   * that history for the orders after it; one Redis round trip.
   */
  public double[] observe(FraudObservation observation) {
    long t = observation.at().toEpochMilli();
    String key = paidOrders(observation.customerId().toString());
    Response<List<Tuple>> earlier;
    try (Jedis jedis = redis.getResource()) {
      Pipeline p = jedis.pipelined();
      earlier = p.zrangeByScoreWithScores(key, t - FraudFeatures.HISTORY.toMillis(), t);
      p.zadd(key, t, member(observation));
      p.zremrangeByScore(key, Double.NEGATIVE_INFINITY, t - KEEP_MS);
      p.pexpire(key, KEEP_MS);
      p.sync();
    }
    List<PriorOrder> history = new ArrayList<>(earlier.get().size());
    for (Tuple tuple : earlier.get()) {
      history.add(prior(tuple));
    }
    return FraudFeatures.compute(observation, history);
  }

  private static String member(FraudObservation o) {
    return o.orderId() + "|" + o.amountCents() + "|" + o.cardFingerprint();
  }

  private static PriorOrder prior(Tuple tuple) {
    String[] parts = tuple.getElement().split("\\|", 3);
    return new PriorOrder(Instant.ofEpochMilli((long) tuple.getScore()), Long.parseLong(parts[1]), parts[2]);
  }

  private Optional<Joined> join(Jedis jedis, String orderId, String field, String json) {
    String key = "ecap:fraud:order:" + orderId;
    Transaction tx = jedis.multi();
    tx.hset(key, field, json);
    tx.expire(key, JOIN_TTL_SECONDS);
    Response<Map<String, String>> both = tx.hgetAll(key);
    tx.exec();
    Map<String, String> parts = both.get();
    if (!parts.containsKey("order") || !parts.containsKey("payment")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Joined(EventJson.mapper().readValue(parts.get("order"), OrderPlaced.class),
          EventJson.mapper().readValue(parts.get("payment"), PaymentEvent.class)));
    } catch (IOException e) {
      throw new IllegalStateException("corrupt join state for order " + orderId, e);
    }
  }

  static String paidOrders(String customerId) {
    return "ecap:fraud:customer:" + customerId + ":paid";
  }
}
