package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.events.ClickstreamEvent;
import java.util.List;

/**
 * Where generated data goes. The generator calls it in dependency order: every product and customer before
 * any order that refers to it. {@link #close()} flushes what is buffered.
 */
public interface DatasetSink extends AutoCloseable {

  void product(Product product);

  void customer(Customer customer);

  void order(GeneratedOrder order);

  void click(ClickstreamEvent event);

  @Override
  void close();

  /** Writes to every sink in turn, e.g. PostgreSQL and the lake files in one pass. */
  static DatasetSink tee(DatasetSink... sinks) {
    List<DatasetSink> all = List.of(sinks);
    return new DatasetSink() {
      @Override
      public void product(Product product) {
        all.forEach(s -> s.product(product));
      }

      @Override
      public void customer(Customer customer) {
        all.forEach(s -> s.customer(customer));
      }

      @Override
      public void order(GeneratedOrder order) {
        all.forEach(s -> s.order(order));
      }

      @Override
      public void click(ClickstreamEvent event) {
        all.forEach(s -> s.click(event));
      }

      @Override
      public void close() {
        all.forEach(DatasetSink::close);
      }
    };
  }
}
