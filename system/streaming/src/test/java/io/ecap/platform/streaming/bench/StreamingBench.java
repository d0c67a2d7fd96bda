package io.ecap.platform.streaming.bench;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.KafkaDatasetPublisher;
import io.ecap.platform.streaming.TestEvents;
import io.ecap.platform.streaming.TestInfrastructure;
import io.ecap.platform.streaming.fraud.FraudFeatures;
import io.ecap.platform.streaming.fraud.FraudModel;
import io.ecap.platform.streaming.fraud.FraudModelJson;
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
          LockSupport.parkNanos(100_000);
        }
        if (i >= 0) {
          samples[i] = System.nanoTime() - t0;
        }
      }
    }
    return samples;
  }

  private static void throughput(TestInfrastructure infra, SimpleMeterRegistry registry) throws Exception {
    double before = consumed(registry);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    long t0 = System.nanoTime();
    DatasetSummary summary;
    // Live-dated generated data: orders, payments and the clickstream around them.
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      summary = new ECommerceDataGenerator(9, DatasetProfile.of(2_000, 300, 10_000),
          Instant.now().minus(Duration.ofDays(30))).generate(new KafkaDatasetPublisher(producer));
    }
    long events = 2L * summary.orders() + summary.clicks();
    long published = System.nanoTime();
    while (consumed(registry) - before < events) {
      Thread.sleep(20);
      if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
        throw new IllegalStateException("pipeline did not drain " + events + " events in 5 minutes");
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "sustained throughput: %d events (orders, payments, clickstream) in %.2f s = "
            + "%.0f events/s (publishing took %.2f s)%n", events, seconds, events / seconds,
        (published - t0) / 1e9);
  }

  private static double consumed(SimpleMeterRegistry registry) {
    return registry.find("ecap_streaming_records").counters().stream().mapToDouble(Counter::count).sum();
  }

  private static void scoring() {
    int n = 200_000;
    SplittableRandom random = new SplittableRandom(3);
    FraudFeatures[] vectors = new FraudFeatures[1_024];
    for (int i = 0; i < vectors.length; i++) {
      double[] v = new double[FraudFeatures.NAMES.size()];
      v[FraudFeatures.CUSTOMER_ORDERS_10M] = 1 + random.nextInt(3);
      v[FraudFeatures.CUSTOMER_ORDERS_24H] = 1 + random.nextInt(5);
      v[FraudFeatures.CUSTOMER_CARDS_24H] = 1 + random.nextInt(3);
      v[FraudFeatures.CARD_CUSTOMERS_24H] = 1 + random.nextInt(2);
      v[FraudFeatures.AMOUNT_LOG] = 2 + random.nextDouble() * 5;
      v[FraudFeatures.AMOUNT_TO_CUSTOMER_MEAN] = random.nextDouble() * 6;
      v[FraudFeatures.CUSTOMER_HISTORY_ORDERS] = random.nextInt(20);
      v[FraudFeatures.BILLING_COUNTRY_MISMATCH] = random.nextInt(10) == 0 ? 1 : 0;
      v[FraudFeatures.SHIPPING_COUNTRY_MISMATCH] = random.nextInt(10) == 0 ? 1 : 0;
      v[FraudFeatures.ACCOUNT_AGE_DAYS] = random.nextDouble() * 700;
      vectors[i] = new FraudFeatures(v);
    }
    FraudModel rules = FraudModelJson.defaultModel();
    String names = String.join("\",\"", FraudFeatures.NAMES);
    FraudModel logistic = FraudModelJson.parse("{\"modelVersion\":\"bench-lr\",\"type\":\"logistic\","
        + "\"reviewThreshold\":0.5,\"declineThreshold\":0.8,\"features\":[\"" + names + "\"],\"intercept\":-4.2,"
        + "\"weights\":[1.1,0.3,0.9,0.7,0.4,0.2,-0.1,0.8,0.9,-0.6],\"means\":[1,2,1,1,4,1,5,0,0,300],"
        + "\"scales\":[0.8,1.5,0.7,0.5,1.2,1.4,6,0.3,0.3,200]}");
    double[] weights = {1.1, 0.3, 0.9, 0.7, 0.4, 0.2, -0.1, 0.8, 0.9, -0.6};
    double sink = 0;
    long[] rulesNs = new long[n];
    long[] lrNs = new long[n];
    long[] dotNs = new long[n];
    for (int round = 0; round < 2; round++) { // the first round warms up the JIT
      for (int i = 0; i < n; i++) {
        FraudFeatures f = vectors[i & 1023];
        long t0 = System.nanoTime();
        sink += rules.score(f).score();
        long t1 = System.nanoTime();
        sink += logistic.score(f).score();
        long t2 = System.nanoTime();
        double[] x = f.values();
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
    print("fraud scoring, rules-v1 (10 features)", rulesNs, "us");
    print("fraud scoring, logistic (10 features)", lrNs, "us");
    print("bare dot product of 10 doubles (baseline)", dotNs, "us");
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
