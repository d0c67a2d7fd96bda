package io.ecap.platform.core.orders;

import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.OrderStatus;
import io.ecap.platform.core.domain.Payment;
import io.ecap.platform.core.domain.PaymentStatus;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.EventTypes;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import io.ecap.platform.core.store.OutboxEvent;
import io.ecap.platform.core.store.OutboxRepository;
import io.ecap.platform.core.store.SqlStates;
import io.ecap.platform.core.store.StoreAccess;
import io.ecap.platform.core.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Places orders: checks the customer and the products, prices the lines from the catalogue, and writes the
 * order, its payment, its events (outbox) and its Idempotency-Key in one transaction.
 */
public final class OrderPlacement {

  private final Transactions tx;
  private final Clock clock;

  public OrderPlacement(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * @param idempotencyKey null when the caller sent none
   * @param requestHash hash of the request body; the same key with another hash is a conflict
   */
  public Placement place(PlaceOrder request, String idempotencyKey, String requestHash, TraceContext trace)
      throws SQLException, OrderRejected, IdempotencyConflict {
    try {
      return attempt(request, idempotencyKey, requestHash, trace);
    } catch (SQLException e) {
      // Two requests with the same new key raced: the loser's key insert failed; now the winner's row is visible.
      if (idempotencyKey != null && SqlStates.UNIQUE_VIOLATION.equals(e.getSQLState())
          && String.valueOf(e.getMessage()).contains("idempotency_keys_pkey")) {
        return attempt(request, idempotencyKey, requestHash, trace);
      }
      throw e;
    }
  }

  private Placement attempt(PlaceOrder request, String key, String hash, TraceContext trace)
      throws SQLException, OrderRejected, IdempotencyConflict {
    try {
      return tx.inTransaction(conn -> {
        if (key != null) {
          Optional<Placement> earlier = replay(conn, key, hash);
          if (earlier.isPresent()) {
            return earlier.get();
          }
        }
        Order order = price(conn, request);
        Payment payment = new Payment(UUID.randomUUID(), order.id(), order.totalCents(), order.currency(),
            request.cardFingerprint(), request.billingCountry(), PaymentStatus.AUTHORIZED, order.createdAt());
        StoreAccess.insertOrder(conn, order, payment);
        OutboxRepository.add(conn, outbox(EventTypes.ORDER_PLACED, order.customerId(), OrderPlaced.of(order),
            order.createdAt(), trace));
        PaymentEvent paymentEvent = PaymentEvent.of(payment, order.customerId());
        OutboxRepository.add(conn, outbox(paymentEvent.eventType(), order.customerId(), paymentEvent,
            payment.createdAt(), trace));
        if (key != null) {
          try (PreparedStatement ps = conn.prepareStatement(
              "INSERT INTO idempotency_keys (key, request_hash, order_id) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, hash);
            ps.setObject(3, order.id());
            ps.executeUpdate();
          }
        }
        return new Placement(order, false);
      });
    } catch (Checked c) {
      if (c.getCause() instanceof OrderRejected r) {
        throw r;
      }
      throw (IdempotencyConflict) c.getCause();
    }
  }

  private Optional<Placement> replay(Connection conn, String key, String hash) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT request_hash, order_id FROM idempotency_keys WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        if (!rs.getString("request_hash").equals(hash)) {
          throw new Checked(new IdempotencyConflict(key));
        }
        UUID orderId = rs.getObject("order_id", UUID.class);
        Order order = StoreAccess.findOrder(conn, orderId)
            .orElseThrow(() -> new SQLException("idempotency key " + key + " points to missing order " + orderId));
        return Optional.of(new Placement(order, true));
      }
    }
  }

  private Order price(Connection conn, PlaceOrder request) throws SQLException {
    if (StoreAccess.findCustomer(conn, request.customerId()).isEmpty()) {
      throw new Checked(new OrderRejected("customerId", "no customer with id " + request.customerId()));
    }
    Map<UUID, Product> products = StoreAccess.findProducts(conn,
        request.items().stream().map(PlaceOrder.Line::productId).toList());
    List<OrderItem> lines = new ArrayList<>();
    String currency = null;
    for (int i = 0; i < request.items().size(); i++) {
      PlaceOrder.Line line = request.items().get(i);
      Product p = products.get(line.productId());
      String field = "items[" + i + "].productId";
      if (p == null) {
        throw new Checked(new OrderRejected(field, "no product with id " + line.productId()));
      }
      if (!p.active()) {
        throw new Checked(new OrderRejected(field, "product " + p.id() + " is not for sale"));
      }
      if (currency != null && !currency.equals(p.currency())) {
        throw new Checked(new OrderRejected(field, "product is priced in " + p.currency() + ", other items in " + currency));
      }
      currency = p.currency();
      lines.add(new OrderItem(i + 1, p.id(), line.quantity(), p.priceCents()));
    }
    // PostgreSQL keeps microseconds: truncate so the order we return equals the one we read back later.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return new Order(UUID.randomUUID(), request.customerId(), OrderStatus.CONFIRMED, currency, Order.totalOf(lines),
        request.shippingCountry(), now, lines);
  }

  private static OutboxEvent outbox(String type, UUID key, Object data, Instant at, TraceContext trace) {
    UUID eventId = UUID.randomUUID();
    EventEnvelope<Object> envelope = new EventEnvelope<>(eventId, type, EventTypes.SCHEMA_VERSION, at,
        trace.correlationId(), trace.traceId(), data);
    return new OutboxEvent(0, eventId, EventTypes.topicOf(type), key.toString(), EventJson.write(envelope),
        trace.traceparent(), trace.correlationId());
  }

  /** Carries a checked business exception out of a transaction lambda (which may only throw SQLException). */
  private static final class Checked extends RuntimeException {
    Checked(Exception cause) {
      super(cause);
    }
  }
}
