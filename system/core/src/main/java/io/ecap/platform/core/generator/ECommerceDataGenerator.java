package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.FraudPattern;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.OrderStatus;
import io.ecap.platform.core.domain.Payment;
import io.ecap.platform.core.domain.PaymentStatus;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.generator.Shoppers.Shopper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded, deterministic e-commerce data: the same seed and profile give the same data, id for id, on any JVM.
 *
 * <p>Shape: product popularity and customer activity follow Zipf laws (a few products sell most units, a few
 * customers buy repeatedly); order times have an evening peak and weekday pattern; baskets are mostly one or two
 * lines; prices are log-normal per category. Exactly {@code round(orders * fraudShare)} orders are labelled fraud,
 * in four patterns ({@link FraudPattern}); legitimate orders carry some of the same signals at a low rate (a
 * second card, a foreign billing country) so that the labels are not trivially separable.
 */
public final class ECommerceDataGenerator {

  /** A fixed Monday, so that generated history does not depend on when it is generated. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-06T00:00:00Z");

  private final long seed;
  private final DatasetProfile profile;
  private final Instant start;

  public ECommerceDataGenerator(long seed, DatasetProfile profile) {
    this(seed, profile, DEFAULT_START);
  }

  /** @param start beginning of the order history window (e.g. "now" for live streaming data) */
  public ECommerceDataGenerator(long seed, DatasetProfile profile, Instant start) {
    this.seed = seed;
    this.profile = profile;
    this.start = start;
  }

  /** Generates everything into memory. */
  public Dataset generate() {
    Dataset.Collector collector = new Dataset.Collector();
    generate(collector);
    return collector.dataset();
  }

  /** Streams the dataset into {@code sink} (closing it at the end) and says what was produced. */
  public DatasetSummary generate(DatasetSink sink) {
    try (sink) {
      return new Run(sink).execute();
    }
  }

  private final class Run {
    private final DatasetSink sink;
    private final SplittableRandom random = new SplittableRandom(seed);
    private final Ids ids = new Ids(random.split());
    private final ShoppingCalendar calendar = new ShoppingCalendar(start, profile.days());
    private final Catalog catalog;
    private final Shoppers shoppers;
    private final ClickstreamSessions sessions;
    private final Map<FraudPattern, Integer> fraudByPattern = new EnumMap<>(FraudPattern.class);
    private int orders;
    private int items;
    private int clicks;
    private int customers;
    private long revenue;

    Run(DatasetSink sink) {
      this.sink = sink;
      catalog = new Catalog(random.split(), ids, profile.products(), start);
      shoppers = new Shoppers(random.split(), ids, profile.customers(), start);
      sessions = new ClickstreamSessions(random.split(), ids, catalog);
    }

    DatasetSummary execute() {
      catalog.products().forEach(sink::product);
      shoppers.all().forEach(s -> sink.customer(s.customer()));
      customers = shoppers.all().size();
      int fraudTarget = (int) Math.round(profile.orders() * profile.fraudShare());
      int fraud = 0;
      double abandonedDebt = 0;
      while (orders < profile.orders()) {
        int remaining = profile.orders() - orders;
        int fraudLeft = fraudTarget - fraud;
        // Sequential sampling: the chance of fraud is what is left to place over what is left to generate,
        // so the final share is exact and the fraud is spread over the whole window.
        if (fraudLeft > 0 && random.nextDouble() * remaining < fraudLeft) {
          fraud += fraudEpisode(Math.min(fraudLeft, remaining));
        } else {
          legitimateOrder();
        }
        abandonedDebt += profile.abandonedSessionsPerOrder();
        while (abandonedDebt >= 1) {
          abandonedDebt -= 1;
          abandonedSession();
        }
      }
      int totalFraud = fraud;
      return new DatasetSummary(profile.name(), seed, catalog.products().size(), customers, orders, items, clicks,
          totalFraud, fraudByPattern, revenue);
    }

    private void legitimateOrder() {
      Shopper shopper = shoppers.active(random);
      String country = shopper.customer().country();
      String shipping = random.nextDouble() < 0.95 ? country : shoppers.otherCountry(random, country);
      String billing = random.nextDouble() < 0.97 ? country : shoppers.otherCountry(random, country);
      String card = shopper.cards().get(random.nextInt(shopper.cards().size()));
      double u = random.nextDouble();
      OrderStatus status = u < 0.93 ? OrderStatus.CONFIRMED : u < 0.97 ? OrderStatus.CANCELLED : OrderStatus.REFUNDED;
      emit(shopper, basket(false), status, shipping, billing, card, calendar.sample(random), null);
    }

    /** One fraud episode; returns how many fraudulent orders it placed (at most {@code budget}). */
    private int fraudEpisode(int budget) {
      FraudPattern pattern = FraudPattern.values()[random.nextInt(FraudPattern.values().length)];
      Instant t = calendar.sample(random);
      return switch (pattern) {
        case VELOCITY_BURST -> {
          Shopper victim = shoppers.any(random);
          String card = ids.cardFingerprint();
          int n = Math.min(budget, 3 + random.nextInt(4));
          for (int i = 0; i < n; i++) {
            t = t.plusSeconds(20 + random.nextInt(130));
            String country = victim.customer().country();
            emit(victim, basket(true), OrderStatus.CONFIRMED, country, country, card, t, pattern);
          }
          yield n;
        }
        case NEW_ACCOUNT_HIGH_VALUE -> {
          Shopper fresh = shoppers.newShopper(random, t.minusSeconds(120 + random.nextInt(3_000)));
          sink.customer(fresh.customer());
          customers++;
          String country = fresh.customer().country();
          List<OrderItem> lines = new ArrayList<>();
          int n = 2 + random.nextInt(3);
          Set<UUID> used = new HashSet<>();
          for (int i = 0; i < n; i++) {
            Product p = catalog.expensive(random);
            if (used.add(p.id())) {
              lines.add(new OrderItem(lines.size() + 1, p.id(), 1 + random.nextInt(3), p.priceCents()));
            }
          }
          emit(fresh, lines, OrderStatus.CONFIRMED, country, country, fresh.cards().get(0), t, pattern);
          yield 1;
        }
        case COUNTRY_MISMATCH -> {
          Shopper victim = shoppers.any(random);
          String country = victim.customer().country();
          String billing = Shoppers.RISKY_COUNTRIES.get(random.nextInt(Shoppers.RISKY_COUNTRIES.size()));
          emit(victim, basket(true), OrderStatus.CONFIRMED, shoppers.otherCountry(random, country), billing,
              ids.cardFingerprint(), t, pattern);
          yield 1;
        }
        case MANY_CARDS -> {
          Shopper victim = shoppers.any(random);
          String country = victim.customer().country();
          int n = Math.min(budget, 3 + random.nextInt(3));
          for (int i = 0; i < n; i++) {
            t = t.plusSeconds(600 + random.nextInt(10_000));
            emit(victim, basket(false), OrderStatus.CONFIRMED, country, country, ids.cardFingerprint(), t, pattern);
          }
          yield n;
        }
      };
    }

    /** Lines of distinct products: 1 + geometric size (mostly 1-2), quantity mostly 1. */
    private List<OrderItem> basket(boolean expensive) {
      int size = 1;
      while (size < 8 && random.nextDouble() < 0.45) {
        size++;
      }
      List<OrderItem> lines = new ArrayList<>(size);
      Set<UUID> used = new HashSet<>();
      for (int i = 0; i < size; i++) {
        Product p = expensive && random.nextDouble() < 0.7 ? catalog.expensive(random) : catalog.popular(random);
        if (!used.add(p.id())) {
          continue;
        }
        double u = random.nextDouble();
        int qty = u < 0.78 ? 1 : u < 0.93 ? 2 : u < 0.98 ? 3 : 4 + random.nextInt(3);
        lines.add(new OrderItem(lines.size() + 1, p.id(), qty, p.priceCents()));
      }
      return lines;
    }

    private void emit(Shopper shopper, List<OrderItem> lines, OrderStatus status, String shipping, String billing,
                      String card, Instant at, FraudPattern pattern) {
      long total = Order.totalOf(lines);
      Order order = new Order(ids.next(), shopper.customer().id(), status, "EUR", total, shipping, at, lines);
      PaymentStatus paymentStatus = switch (status) {
        case CANCELLED -> PaymentStatus.DECLINED;
        case REFUNDED -> PaymentStatus.REFUNDED;
        default -> PaymentStatus.AUTHORIZED;
      };
      Payment payment = new Payment(ids.next(), order.id(), total, "EUR", card, billing, paymentStatus, at.plusSeconds(1));
      sink.order(new GeneratedOrder(order, payment, pattern));
      sessions.purchase(order, shopper.customer().country(), this::click);
      orders++;
      items += lines.size();
      if (status != OrderStatus.CANCELLED) {
        revenue += total;
      }
      if (pattern != null) {
        fraudByPattern.merge(pattern, 1, Integer::sum);
      }
    }

    private void abandonedSession() {
      boolean known = random.nextDouble() < 0.6;
      Shopper shopper = shoppers.active(random);
      sessions.abandoned(known ? shopper.customer().id() : null, shopper.customer().country(), calendar.sample(random),
          this::click);
    }

    private void click(io.ecap.platform.core.events.ClickstreamEvent event) {
      sink.click(event);
      clicks++;
    }
  }
}
