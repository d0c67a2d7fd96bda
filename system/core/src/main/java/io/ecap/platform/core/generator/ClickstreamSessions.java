package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.OrderStatus;
import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.ClickstreamEvent.Action;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Browsing sessions: the one that led to each order (views, cart adds, checkout, purchase), and sessions that
 * were abandoned at some funnel step, so the funnel narrows the way real ones do.
 */
final class ClickstreamSessions {

  private static final String[] LANDING = {"/", "/search", "/deals", "/new"};

  private final SplittableRandom random;
  private final Ids ids;
  private final Catalog catalog;

  ClickstreamSessions(SplittableRandom random, Ids ids, Catalog catalog) {
    this.random = random;
    this.ids = ids;
    this.catalog = catalog;
  }

  /** The session that ended in {@code order}; it starts a few minutes before the order. */
  void purchase(Order order, String country, Consumer<ClickstreamEvent> out) {
    UUID session = ids.next();
    Instant t = order.createdAt().minusSeconds(120 + random.nextInt(900));
    t = landing(session, order.customerId(), country, t, out);
    for (OrderItem item : order.items()) {
      t = t.plusSeconds(5 + random.nextInt(90));
      out.accept(event(session, order.customerId(), Action.PRODUCT_VIEW, "/p/" + item.productId(), item.productId(), null, country, t));
      t = t.plusSeconds(3 + random.nextInt(40));
      out.accept(event(session, order.customerId(), Action.ADD_TO_CART, "/cart", item.productId(), null, country, t));
    }
    Instant checkout = order.createdAt().minusSeconds(5 + random.nextInt(30));
    out.accept(event(session, order.customerId(), Action.CHECKOUT, "/checkout", null, null, country,
        checkout.isAfter(t) ? checkout : t.plusSeconds(1)));
    if (order.status() != OrderStatus.CANCELLED) {
      out.accept(event(session, order.customerId(), Action.PURCHASE, "/checkout/done", null, order.id(), country, order.createdAt()));
    }
  }

  /** A session that leaves before paying: after browsing (most), after the cart, or at checkout (fewest). */
  void abandoned(UUID customerOrNull, String country, Instant start, Consumer<ClickstreamEvent> out) {
    UUID session = ids.next();
    Instant t = landing(session, customerOrNull, country, start, out);
    int views = 1 + random.nextInt(4);
    UUID last = null;
    for (int v = 0; v < views; v++) {
      t = t.plusSeconds(5 + random.nextInt(120));
      last = catalog.popular(random).id();
      out.accept(event(session, customerOrNull, Action.PRODUCT_VIEW, "/p/" + last, last, null, country, t));
    }
    double u = random.nextDouble();
    if (u < 0.35) {
      t = t.plusSeconds(3 + random.nextInt(60));
      out.accept(event(session, customerOrNull, Action.ADD_TO_CART, "/cart", last, null, country, t));
      if (u < 0.10) {
        out.accept(event(session, customerOrNull, Action.CHECKOUT, "/checkout", null, null, country, t.plusSeconds(20)));
      }
    }
  }

  private Instant landing(UUID session, UUID customer, String country, Instant t, Consumer<ClickstreamEvent> out) {
    int pages = 1 + random.nextInt(3);
    for (int p = 0; p < pages; p++) {
      out.accept(event(session, customer, Action.PAGE_VIEW, LANDING[random.nextInt(LANDING.length)], null, null, country, t));
      t = t.plusSeconds(2 + random.nextInt(45));
    }
    return t;
  }

  private static ClickstreamEvent event(UUID session, UUID customer, Action action, String page, UUID product, UUID order,
                                        String country, Instant at) {
    return new ClickstreamEvent(session, customer, action, page, product, order, country, at);
  }
}
