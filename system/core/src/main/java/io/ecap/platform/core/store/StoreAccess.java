package io.ecap.platform.core.store;

import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.Payment;
import io.ecap.platform.core.domain.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Repository operations on a caller's connection, for work that spans several tables in one transaction. */
public final class StoreAccess {

  private StoreAccess() {
  }

  public static Optional<Customer> findCustomer(Connection conn, UUID id) throws SQLException {
    return CustomerRepository.find(conn, id);
  }

  public static Map<UUID, Product> findProducts(Connection conn, Collection<UUID> ids) throws SQLException {
    return ProductRepository.findAll(conn, ids);
  }

  public static Optional<Order> findOrder(Connection conn, UUID id) throws SQLException {
    return OrderRepository.find(conn, id);
  }

  public static void insertOrder(Connection conn, Order order, Payment payment) throws SQLException {
    OrderRepository.insert(conn, order, payment);
  }
}
