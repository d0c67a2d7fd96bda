package io.ecap.platform.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.FraudPattern;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.events.ClickstreamEvent;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ECommerceDataGeneratorTest {

  private static Dataset small;

  @BeforeAll
  static void generate() {
    small = new ECommerceDataGenerator(42, DatasetProfile.SMALL).generate();
  }

  @Test
  void sameSeedGivesTheSameDataAndAnotherSeedDifferentData() {
    Dataset again = new ECommerceDataGenerator(42, DatasetProfile.SMALL).generate();
    assertThat(again).isEqualTo(small);
    Dataset other = new ECommerceDataGenerator(43, DatasetProfile.SMALL).generate();
    assertThat(other.orders().get(0)).isNotEqualTo(small.orders().get(0));
    Set<UUID> ids = small.customers().stream().map(Customer::id).collect(Collectors.toSet());
    assertThat(other.customers()).noneMatch(c -> ids.contains(c.id()));
  }

  @Test
  void producesTheProfileSizesWithConsistentReferences() {
    assertThat(small.products()).hasSize(300);
    assertThat(small.orders()).hasSize(5_000);
    assertThat(small.customers()).hasSizeGreaterThanOrEqualTo(1_000);
    Set<UUID> customers = small.customers().stream().map(Customer::id).collect(Collectors.toSet());
    Set<UUID> products = small.products().stream().map(p -> p.id()).collect(Collectors.toSet());
    for (GeneratedOrder g : small.orders()) {
      Order o = g.order();
      assertThat(customers).contains(o.customerId());
      assertThat(o.items()).isNotEmpty();
      assertThat(o.items()).allMatch(i -> products.contains(i.productId()) && i.quantity() >= 1);
      assertThat(o.totalCents()).isEqualTo(o.items().stream().mapToLong(OrderItem::lineTotalCents).sum());
      assertThat(g.payment().amountCents()).isEqualTo(o.totalCents());
      assertThat(g.payment().orderId()).isEqualTo(o.id());
      assertThat(o.items().stream().map(OrderItem::productId).distinct().count()).isEqualTo(o.items().size());
    }
    Map<UUID, Customer> byId = small.customers().stream().collect(Collectors.toMap(Customer::id, c -> c));
    assertThat(small.orders()).allMatch(g -> !g.order().createdAt().isBefore(byId.get(g.order().customerId()).createdAt()));
    assertThat(small.customers().stream().map(Customer::email).distinct().count()).isEqualTo(small.customers().size());
  }

  @Test
  void fraudShareIsExactAndEveryPatternOccurs() {
    long fraud = small.orders().stream().filter(GeneratedOrder::fraud).count();
    assertThat(fraud).isEqualTo(100); // 2 % of 5,000
    Set<FraudPattern> patterns = small.orders().stream().filter(GeneratedOrder::fraud)
        .map(GeneratedOrder::fraudPattern).collect(Collectors.toSet());
    assertThat(patterns).containsExactlyInAnyOrder(FraudPattern.values());
    DatasetSummary summary = new ECommerceDataGenerator(7, DatasetProfile.of(200, 50, 1_000).withFraudShare(0.1))
        .generate(new Dataset.Collector());
    assertThat(summary.fraudOrders()).isEqualTo(100);
    assertThat(summary.fraudByPattern().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
  }

  @Test
  void fraudPatternsCarryTheirSignals() {
    Map<UUID, Customer> customers = small.customers().stream().collect(Collectors.toMap(Customer::id, c -> c));
    for (GeneratedOrder g : small.orders()) {
      if (g.fraudPattern() == FraudPattern.COUNTRY_MISMATCH) {
        assertThat(g.payment().billingCountry()).isNotEqualTo(customers.get(g.order().customerId()).country());
        assertThat(g.order().shippingCountry()).isNotEqualTo(customers.get(g.order().customerId()).country());
      }
      if (g.fraudPattern() == FraudPattern.NEW_ACCOUNT_HIGH_VALUE) {
        Customer c = customers.get(g.order().customerId());
        assertThat(java.time.Duration.between(c.createdAt(), g.order().createdAt()).toHours()).isLessThan(1);
      }
    }
    // Velocity bursts: consecutive burst orders of one customer are minutes apart.
    List<Order> burst = small.orders().stream().filter(g -> g.fraudPattern() == FraudPattern.VELOCITY_BURST)
        .map(GeneratedOrder::order).sorted(Comparator.comparing(Order::customerId).thenComparing(Order::createdAt)).toList();
    int close = 0;
    for (int i = 1; i < burst.size(); i++) {
      if (burst.get(i).customerId().equals(burst.get(i - 1).customerId())
          && java.time.Duration.between(burst.get(i - 1).createdAt(), burst.get(i).createdAt()).toMinutes() < 5) {
        close++;
      }
    }
    assertThat(close).isGreaterThan(burst.size() / 2);
    // New-account fraud orders are worth far more than the median legitimate order.
    long[] legit = small.orders().stream().filter(g -> !g.fraud()).mapToLong(g -> g.order().totalCents()).sorted().toArray();
    long median = legit[legit.length / 2];
    double newAccountMean = small.orders().stream().filter(g -> g.fraudPattern() == FraudPattern.NEW_ACCOUNT_HIGH_VALUE)
        .mapToLong(g -> g.order().totalCents()).average().orElseThrow();
    assertThat(newAccountMean).isGreaterThan(5.0 * median);
  }

  @Test
  void productPopularityIsPowerLawAndCustomersRepeat() {
    Map<UUID, Integer> units = new HashMap<>();
    small.orders().forEach(g -> g.order().items().forEach(i -> units.merge(i.productId(), i.quantity(), Integer::sum)));
    List<Integer> sorted = units.values().stream().sorted(Comparator.reverseOrder()).toList();
    long total = sorted.stream().mapToLong(Integer::longValue).sum();
    long top10 = sorted.stream().limit(30).mapToLong(Integer::longValue).sum(); // top 10 % of 300 products
    assertThat((double) top10 / total).isBetween(0.35, 0.85);

    Map<UUID, Long> perCustomer = small.orders().stream().filter(g -> !g.fraud())
        .collect(Collectors.groupingBy(g -> g.order().customerId(), Collectors.counting()));
    long repeat = perCustomer.values().stream().filter(n -> n >= 2).count();
    assertThat((double) repeat / perCustomer.size()).isBetween(0.3, 0.95);
    double meanBasket = small.orders().stream().mapToInt(g -> g.order().items().size()).average().orElseThrow();
    assertThat(meanBasket).isBetween(1.4, 2.4);
  }

  @Test
  void ordersFollowTheDailyAndWeeklyRhythm() {
    int[] byHour = new int[24];
    int[] byWeekday = new int[7];
    small.orders().stream().filter(g -> !g.fraud()).forEach(g -> {
      var t = g.order().createdAt().atZone(ZoneOffset.UTC);
      byHour[t.getHour()]++;
      byWeekday[t.getDayOfWeek().getValue() - 1]++;
    });
    int evening = byHour[19] + byHour[20] + byHour[21];
    int night = byHour[2] + byHour[3] + byHour[4];
    assertThat(evening).isGreaterThan(8 * night);
    assertThat(byWeekday[6]).isGreaterThan(byWeekday[5]); // Sunday busier than Saturday
    assertThat(small.orders()).allMatch(g -> !g.order().createdAt().isBefore(ECommerceDataGenerator.DEFAULT_START.minusSeconds(86_400)));
  }

  @Test
  void clickstreamFunnelNarrows() {
    Map<ClickstreamEvent.Action, Long> byAction = small.clicks().stream()
        .collect(Collectors.groupingBy(ClickstreamEvent::action, Collectors.counting()));
    long views = byAction.get(ClickstreamEvent.Action.PRODUCT_VIEW);
    long carts = byAction.get(ClickstreamEvent.Action.ADD_TO_CART);
    long checkouts = byAction.get(ClickstreamEvent.Action.CHECKOUT);
    long purchases = byAction.get(ClickstreamEvent.Action.PURCHASE);
    assertThat(views).isGreaterThan(carts);
    assertThat(carts).isGreaterThan(checkouts);
    assertThat(checkouts).isGreaterThan(purchases);
    Set<UUID> orderIds = new HashSet<>();
    small.orders().forEach(g -> orderIds.add(g.order().id()));
    assertThat(small.clicks()).filteredOn(c -> c.action() == ClickstreamEvent.Action.PURCHASE)
        .allMatch(c -> orderIds.contains(c.orderId()));
  }
}
