package io.ecap.platform.core.generator.sinks;

import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.generator.DatasetSink;
import io.ecap.platform.core.generator.GeneratedOrder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the dataset as JSON Lines files for the lake's landing zone: {@code customers.jsonl} and
 * {@code products.jsonl} (entities), {@code orders.jsonl}, {@code payments.jsonl}, {@code clickstream.jsonl}
 * (wire events, one envelope per line) and {@code fraud_labels.jsonl} (ground truth: orderId, pattern).
 */
public final class JsonLinesDatasetWriter implements DatasetSink {

  /**
   * The landing sources, each written to {@code <source>.jsonl}: the names the lake's batch ingestion looks for
   * (its bronze tables), and what the platform's landing-upload route accepts.
   */
  public static final List<String> SOURCES = List.of("customers", "products", "orders", "payments", "clickstream",
      "fraud_labels");

  private final Map<String, BufferedWriter> files = new LinkedHashMap<>();

  public JsonLinesDatasetWriter(Path directory) {
    try {
      Files.createDirectories(directory);
      for (String name : SOURCES) {
        files.put(name, Files.newBufferedWriter(directory.resolve(name + ".jsonl"), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void product(Product product) {
    line("products", product);
  }

  @Override
  public void customer(Customer customer) {
    line("customers", customer);
  }

  @Override
  public void order(GeneratedOrder order) {
    line("orders", DatasetEvents.orderPlaced(order));
    line("payments", DatasetEvents.payment(order));
    if (order.fraud()) {
      line("fraud_labels", new Label(order.order().id(), order.fraudPattern().name()));
    }
  }

  @Override
  public void click(ClickstreamEvent event) {
    line("clickstream", DatasetEvents.click(event));
  }

  private record Label(UUID orderId, String pattern) {
  }

  private void line(String file, Object value) {
    try {
      BufferedWriter w = files.get(file);
      w.write(EventJson.write(value));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    IOException first = null;
    for (BufferedWriter w : files.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new UncheckedIOException(first);
    }
  }
}
