package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * Online fraud features in Redis, in sliding event-time windows held as sorted sets (score = event time in epoch
 * millis). Every write is keyed by an entity id (order, card, customer), so replaying an event after a crash writes
 * the same members again and changes no feature. Keys (a contract with the fraud suite):
 * <ul>
 *   <li>{@code ecap:fraud:customer:<id>:orders} members {@code <orderId>:<totalCents>} (velocity and amount history, 90 days);</li>
 *   <li>{@code ecap:fraud:customer:<id>:cards} card fingerprints (24 h+);</li>
 *   <li>{@code ecap:fraud:card:<fingerprint>:customers} customer ids (24 h+);</li>
 *   <li>{@code ecap:fraud:order:<id>} hash joining the order and its payment until both arrived (1 h).</li>
 * </ul>
 */
public final class OnlineFeatureStore {

  /** An order with its payment: what is scored. */
  public record Joined(OrderPlaced order, PaymentEvent payment) {
  }

  private static final long MINUTE = 60_000L;
  private static final long DAY = 24 * 60 * MINUTE;
  private static final long HISTORY_MS = 90 * DAY;
  private static final int HISTORY_ORDERS = 50;
  private static final long JOIN_TTL_SECONDS = Duration.ofHours(1).toSeconds();

  private final JedisPool redis;

  public OnlineFeatureStore(JedisPool redis) {
    this.redis = redis;
  }

  /** Records the order in the customer's history; returns the pair when its payment arrived first. */
  public Optional<Joined> recordOrder(OrderPlaced order) {
    long t = order.placedAt().toEpochMilli();
    String orders = customerOrders(order.customerId().toString());
    try (Jedis jedis = redis.getResource()) {
      Pipeline p = jedis.pipelined();
      p.zadd(orders, t, order.orderId() + ":" + order.totalCents());
      p.zremrangeByScore(orders, Double.NEGATIVE_INFINITY, t - HISTORY_MS);
      p.expire(orders, HISTORY_MS / 1000);
      p.sync();
      return join(jedis, order.orderId().toString(), "order", EventJson.write(order));
    }
  }

  /** Records the card use; returns the pair when its order arrived first. */
  public Optional<Joined> recordPayment(PaymentEvent payment) {
    long t = payment.createdAt().toEpochMilli();
    String cards = customerCards(payment.customerId().toString());
    String cardCustomers = cardCustomers(payment.cardFingerprint());
    try (Jedis jedis = redis.getResource()) {
      Pipeline p = jedis.pipelined();
      p.zadd(cards, t, payment.cardFingerprint());
      p.zremrangeByScore(cards, Double.NEGATIVE_INFINITY, t - 2 * DAY);
      p.expire(cards, 2 * DAY / 1000);
      p.zadd(cardCustomers, t, payment.customerId().toString());
      p.zremrangeByScore(cardCustomers, Double.NEGATIVE_INFINITY, t - 2 * DAY);
      p.expire(cardCustomers, 2 * DAY / 1000);
      p.sync();
      return join(jedis, payment.orderId().toString(), "payment", EventJson.write(payment));
    }
  }

  /** The feature vector of a joined order at its event time; one Redis round trip. */
  public FraudFeatures features(Joined joined, CustomerProfiles.Profile customer) {
    OrderPlaced order = joined.order();
    PaymentEvent payment = joined.payment();
    long t = order.placedAt().toEpochMilli();
    long tp = payment.createdAt().toEpochMilli();
    String orders = customerOrders(order.customerId().toString());
    Response<Long> orders10m;
    Response<Long> orders24h;
    Response<Long> cards24h;
    Response<Long> cardCustomers24h;
    Response<List<String>> history;
    try (Jedis jedis = redis.getResource()) {
      Pipeline p = jedis.pipelined();
      orders10m = p.zcount(orders, "(" + (t - 10 * MINUTE), Long.toString(t));
      orders24h = p.zcount(orders, "(" + (t - DAY), Long.toString(t));
      cards24h = p.zcount(customerCards(order.customerId().toString()), "(" + (tp - DAY), Long.toString(tp));
      cardCustomers24h = p.zcount(cardCustomers(payment.cardFingerprint()), "(" + (tp - DAY), Long.toString(tp));
      history = p.zrevrangeByScore(orders, "(" + t, Long.toString(t - HISTORY_MS), 0, HISTORY_ORDERS);
      p.sync();
    }
    double sum = 0;
    int previous = 0;
    for (String member : history.get()) {
      int colon = member.lastIndexOf(':');
      if (!member.startsWith(order.orderId().toString())) {
        sum += Long.parseLong(member.substring(colon + 1));
        previous++;
      }
    }
    double mean = previous == 0 ? 0 : sum / previous;
    double[] v = new double[FraudFeatures.NAMES.size()];
    v[FraudFeatures.CUSTOMER_ORDERS_10M] = orders10m.get();
    v[FraudFeatures.CUSTOMER_ORDERS_24H] = orders24h.get();
    v[FraudFeatures.CUSTOMER_CARDS_24H] = cards24h.get();
    v[FraudFeatures.CARD_CUSTOMERS_24H] = cardCustomers24h.get();
    v[FraudFeatures.AMOUNT_LOG] = Math.log1p(order.totalCents() / 100.0);
    v[FraudFeatures.AMOUNT_TO_CUSTOMER_MEAN] = mean > 0 ? order.totalCents() / mean : 1.0;
    v[FraudFeatures.CUSTOMER_HISTORY_ORDERS] = previous;
    v[FraudFeatures.BILLING_COUNTRY_MISMATCH] = payment.billingCountry().equals(customer.country()) ? 0 : 1;
    v[FraudFeatures.SHIPPING_COUNTRY_MISMATCH] = order.shippingCountry().equals(customer.country()) ? 0 : 1;
    v[FraudFeatures.ACCOUNT_AGE_DAYS] =
        Math.max(0, (t - customer.createdAt().toEpochMilli()) / (double) DAY);
    return new FraudFeatures(v);
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

  static String customerOrders(String customerId) {
    return "ecap:fraud:customer:" + customerId + ":orders";
  }

  static String customerCards(String customerId) {
    return "ecap:fraud:customer:" + customerId + ":cards";
  }

  static String cardCustomers(String fingerprint) {
    return "ecap:fraud:card:" + fingerprint + ":customers";
  }
}
