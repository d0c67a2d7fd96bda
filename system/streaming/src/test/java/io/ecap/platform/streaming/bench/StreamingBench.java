package io.ecap.platform.streaming.bench;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.EventTypes;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.streaming.TestEvents;
import io.ecap.platform.streaming.TestInfrastructure;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.ecap.platform.streaming.fraud.ExportedModel;
import io.ecap.platform.streaming.fraud.FraudModel;
import io.ecap.platform.streaming.fraud.FraudModelReader;
import io.ecap.platform.streaming.pipeline.LiveAggregateKeys;
import io.ecap.platform.streaming.pipeline.Metric;
import io.ecap.platform.streaming.pipeline.StreamingService;
import io.ecap.platform.streaming.service.Connections;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * {@code make bench} for the streaming module, one JVM, every figure beside its baseline on the same machine:
 * end-to-end latency from produce to the aggregate visible in Redis vs a bare Kafka produce-to-consume round trip on
 * the same broker; fraud scoring vs a bare dot product of the same size; sustained pipeline throughput.
 */
public final class StreamingBench {

  private static final int RTT_SAMPLES = 2_000;
  private static final int E2E_SAMPLES = 500;
  private static final int WARMUP = 100;

  private StreamingBench() {
  }

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    try (TestInfrastructure infra = TestInfrastructure.start()) {
      System.out.printf(Locale.ROOT, "streaming bench: %d cores, in-process KRaft broker, zonky PostgreSQL, "
          + "embedded Redis (ready in %.1f s)%n", Runtime.getRuntime().availableProcessors(),
          (System.nanoTime() - started) / 1e9);
      long[] rtt = kafkaRoundTrip(infra);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      StreamingService service = new StreamingService(ServiceSettings.of(infra.bootstrap(), infra.dataSource(),
          infra.redisUrl()).withGroupPrefix("bench"), registry);
      service.start();
      try {
        long[] e2e = endToEnd(infra);
        print("kafka produce->consume round trip (baseline)", rtt, "ms");
        print("streaming produce->aggregate in Redis", e2e, "ms");
        System.out.printf(Locale.ROOT, "  end-to-end p99 / round-trip p99 = %.1fx (target: <= 10x and < 50 ms)%n",
            percentile(e2e, 99) / (double) percentile(rtt, 99));
        var batch = registry.find("ecap_streaming_batch").timer();
        System.out.printf(Locale.ROOT, "  of which consumer transaction (claim + aggregates + commit + Redis): "
            + "mean %.3f ms, max %.3f ms over %d batches%n", batch.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
            batch.max(java.util.concurrent.TimeUnit.MILLISECONDS), batch.count());
        var age = registry.find("ecap_streaming_record_age").tag("topic", Topics.ORDERS).timer();
        System.out.printf(Locale.ROOT, "  record age at processing start (producer timestamp to poll): mean %.3f ms, "
            + "max %.3f ms%n", age.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
            age.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        System.out.printf(Locale.ROOT, "  load average while measuring: %.2f%n",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        throughput(infra, registry);
      } finally {
        service.close();
      }
      scoring();
    }
  }

  private static long[] kafkaRoundTrip(TestInfrastructure infra) throws Exception {
    String topic = "bench-rtt";
    infra.createTopics(List.of(topic));
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    long[] samples = new long[RTT_SAMPLES];
    try (KafkaProducer<byte[], byte[]> producer = latencyProducer(infra);
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToEnd(List.of(tp));
      consumer.position(tp);
      byte[] payload = EventJson.writeBytes(TestEvents.order(Instant.now(), 1_000));
      for (int i = -WARMUP; i < RTT_SAMPLES; i++) {
        long t0 = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, 0, null, payload));
        int seen = 0;
        while (seen == 0) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
          seen = records.count();
        }
        if (i >= 0) {
          samples[i] = System.nanoTime() - t0;
        }
      }
    }
    return samples;
  }

  private static long[] endToEnd(TestInfrastructure infra) throws Exception {
    long[] samples = new long[E2E_SAMPLES];
    Map<Instant, Long> expected = new HashMap<>();
    try (KafkaProducer<byte[], byte[]> producer = latencyProducer(infra);
         JedisPool redis = Connections.redis(infra.redisUrl()); Jedis jedis = redis.getResource()) {
      // The consumer group's first join takes a moment: the warm-up absorbs it.
      for (int i = -WARMUP; i < E2E_SAMPLES; i++) {
        Instant now = Instant.now();
        Instant window = Instant.ofEpochMilli(now.toEpochMilli() / 60_000 * 60_000);
        long want = expected.merge(window, 1L, Long::sum);
        EventEnvelope<OrderPlaced> order = TestEvents.order(now, 1_000);
        byte[] value = EventJson.writeBytes(order);
        String key = LiveAggregateKeys.cell("tumbling-1m", Metric.ORDERS, window);
        long t0 = System.nanoTime();
        producer.send(new ProducerRecord<>(Topics.ORDERS, order.data().customerId().toString()
            .getBytes(StandardCharsets.UTF_8), value));
        while (true) {
          String seen = jedis.hget(key, "all");
          if (seen != null && Long.parseLong(seen) >= want) {
            break;
          }
          if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
            throw new IllegalStateException("order " + order.eventId() + " not in Redis after 30 s (the pipeline "
                + "is failing: see its log)");
          }
          // Probe every 0.25 ms: finer probing would take CPU from the pipeline it measures (2 cores).
          LockSupport.parkNanos(250_000);
        }
        if (i >= 0) {
          samples[i] = System.nanoTime() - t0;
        }
      }
    }
    return samples;
  }

  /**
   * Live-dated traffic as fast as the producer sends it: orders (1-3 lines over 300 products), their payments and
   * five clickstream events per order, event times advancing 0.1 ms per event from now (so nothing is late and the
   * windows are the live ones), keys spread over 2,000 customers.
   */
  private static void throughput(TestInfrastructure infra, SimpleMeterRegistry registry) throws Exception {
    int orders = 10_000;
    SplittableRandom random = new SplittableRandom(11);
    UUID[] products = new UUID[300];
    UUID[] customers = new UUID[2_000];
    Arrays.setAll(products, i -> UUID.randomUUID());
    Arrays.setAll(customers, i -> UUID.randomUUID());
    Map<String, Double> before = outcomes(registry);
    double consumedBefore = consumed(registry);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    Instant base = Instant.now();
    long events = 0;
    long t0 = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < orders; i++) {
        UUID customer = customers[random.nextInt(customers.length)];
        UUID session = UUID.randomUUID();
        for (ClickstreamEvent.Action action : ClickstreamEvent.Action.values()) {
          Instant at = base.plusNanos(events++ * 100_000);
          producer.send(new ProducerRecord<>(Topics.CLICKSTREAM, session.toString(),
              EventJson.writeBytes(TestEvents.click(session, action, at))));
        }
        List<OrderPlaced.Line> lines = new java.util.ArrayList<>();
        int n = 1 + random.nextInt(3);
        long total = 0;
        for (int l = 1; l <= n; l++) {
          long price = 500 + random.nextInt(20_000);
          int quantity = 1 + random.nextInt(3);
          lines.add(new OrderPlaced.Line(l, products[(random.nextInt(products.length) + l * 7) % products.length],
              quantity, price));
          total += price * quantity;
        }
        UUID orderId = UUID.randomUUID();
        Instant at = base.plusNanos(events++ * 100_000);
        EventEnvelope<OrderPlaced> order = new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PLACED, 1, at, null,
            null, new OrderPlaced(orderId, customer, "PLACED", "EUR", total, "DE", at, lines));
        producer.send(new ProducerRecord<>(Topics.ORDERS, customer.toString(), EventJson.writeBytes(order)));
        Instant paidAt = base.plusNanos(events++ * 100_000);
        producer.send(new ProducerRecord<>(Topics.PAYMENTS, customer.toString(), EventJson.writeBytes(
            TestEvents.payment(orderId, customer, paidAt, total, "card-" + customer.toString().substring(0, 8), "DE"))));
      }
    }
    long published = System.nanoTime();
    while (consumed(registry) - consumedBefore < events) {
      Thread.sleep(20);
      if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
        throw new IllegalStateException("pipeline did not drain " + events + " events in 5 minutes");
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Double> delta = new java.util.TreeMap<>();
    outcomes(registry).forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
    System.out.printf(Locale.ROOT, "sustained throughput: %d live events (orders, payments, clickstream) in %.2f s = "
            + "%.0f events/s (publishing took %.2f s); outcomes %s%n", events, seconds, events / seconds,
        (published - t0) / 1e9, delta);
  }

  private static Map<String, Double> outcomes(SimpleMeterRegistry registry) {
    Map<String, Double> byOutcome = new java.util.TreeMap<>();
    registry.find("ecap_streaming_records").counters().forEach(c ->
        byOutcome.merge(c.getId().getTag("outcome"), c.count(), Double::sum));
    return byOutcome;
  }

  private static double consumed(SimpleMeterRegistry registry) {
    return registry.find("ecap_streaming_records").counters().stream().mapToDouble(Counter::count).sum();
  }

  private static void scoring() {
    int n = 200_000;
    SplittableRandom random = new SplittableRandom(3);
    double[][] vectors = new double[1_024][];
    for (int i = 0; i < vectors.length; i++) {
      // orders_last_10m, distinct_cards_24h, account_age_hours_log, billing/shipping mismatch, amount_log, ratio_log
      vectors[i] = new double[] {random.nextInt(3), 1 + random.nextInt(3), random.nextDouble() * 10,
          random.nextInt(10) == 0 ? 1 : 0, random.nextInt(10) == 0 ? 1 : 0, 2 + random.nextDouble() * 5,
          random.nextDouble() * 2};
    }
    FraudModel rules = FraudModelReader.defaultModel();
    double[] weights = {1.1, 0.9, -0.6, 0.8, 0.9, 0.4, 0.2};
    List<Double> coefficients = Arrays.stream(weights).boxed().toList();
    FraudModel logistic = new ExportedModel(new FraudModelParameters("bench-lr", 1, "bench", FraudFeatures.NAMES,
        -4.2, coefficients, 0.5, Map.of(), Instant.EPOCH), 0.8);
    double sink = 0;
    long[] rulesNs = new long[n];
    long[] lrNs = new long[n];
    long[] dotNs = new long[n];
    for (int round = 0; round < 2; round++) { // the first round warms up the JIT
      for (int i = 0; i < n; i++) {
        double[] f = vectors[i & 1023];
        long t0 = System.nanoTime();
        sink += rules.score(f).score();
        long t1 = System.nanoTime();
        sink += logistic.score(f).score();
        long t2 = System.nanoTime();
        double[] x = f;
        double dot = 0;
        for (int k = 0; k < weights.length; k++) {
          dot += weights[k] * x[k];
        }
        sink += dot;
        long t3 = System.nanoTime();
        rulesNs[i] = t1 - t0;
        lrNs[i] = t2 - t1;
        dotNs[i] = t3 - t2;
      }
    }
    print("fraud scoring, rules-v2 (7 features)", rulesNs, "us");
    print("fraud scoring, exported logistic model (7 features)", lrNs, "us");
    print("bare dot product of 7 doubles (baseline)", dotNs, "us");
    System.out.printf(Locale.ROOT, "  (each sample includes one System.nanoTime() pair, ~20-30 ns; checksum %.1f)%n",
        sink);
  }

  private static KafkaProducer<byte[], byte[]> latencyProducer(TestInfrastructure infra) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private static long percentile(long[] samples, int p) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void print(String what, long[] nanos, String unit) {
    double scale = unit.equals("ms") ? 1e6 : 1e3;
    System.out.printf(Locale.ROOT, "%-48s p50 %8.3f %s  p99 %8.3f %s  (n=%d)%n", what,
        percentile(nanos, 50) / scale, unit, percentile(nanos, 99) / scale, unit, nanos.length);
  }
}
