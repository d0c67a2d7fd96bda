package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.events.ClickstreamEvent;
import java.util.ArrayList;
import java.util.List;

/** A whole dataset held in memory (small and custom sizes; large ones are streamed to a sink instead). */
public record Dataset(List<Product> products, List<Customer> customers, List<GeneratedOrder> orders,
                      List<ClickstreamEvent> clicks) {

  /** A sink that collects everything into a {@link Dataset}. */
  public static final class Collector implements DatasetSink {
    private final List<Product> products = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<GeneratedOrder> orders = new ArrayList<>();
    private final List<ClickstreamEvent> clicks = new ArrayList<>();

    @Override
    public void product(Product product) {
      products.add(product);
    }

    @Override
    public void customer(Customer customer) {
      customers.add(customer);
    }

    @Override
    public void order(GeneratedOrder order) {
      orders.add(order);
    }

    @Override
    public void click(ClickstreamEvent event) {
      clicks.add(event);
    }

    @Override
    public void close() {
    }

    public Dataset dataset() {
      return new Dataset(List.copyOf(products), List.copyOf(customers), List.copyOf(orders), List.copyOf(clicks));
    }
  }
}
