package io.ecap.platform.streaming;

import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.Topics;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import redis.embedded.RedisServer;

/**
 * Real infrastructure in this JVM for one test class: a KRaft broker (Kafka's test kit), PostgreSQL (zonky) with
 * the platform's Flyway migrations, and a redis-server. Redis can be stopped and started on the same port.
 */
public final class TestInfrastructure implements AutoCloseable {

  public static final int PARTITIONS = 3;

  private final KafkaClusterTestKit kafka;
  private final EmbeddedPostgres postgres;
  private final HikariDataSource pool;
  private final int redisPort;
  private RedisServer redis;
  private final KafkaProducer<byte[], byte[]> producer;

  private TestInfrastructure(KafkaClusterTestKit kafka, EmbeddedPostgres postgres, HikariDataSource pool, int redisPort,
                             RedisServer redis) {
    this.kafka = kafka;
    this.postgres = postgres;
    this.pool = pool;
    this.redisPort = redisPort;
    this.redis = redis;
    this.producer = newProducer();
  }

  public static TestInfrastructure start() throws Exception {
    KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "3")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("auto.create.topics.enable", "false")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    HikariDataSource pool = Database.pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 8);
    Database.migrate(pool);
    int port = freePort();
    RedisServer redis = new RedisServer(port);
    redis.start();
    TestInfrastructure infra = new TestInfrastructure(kafka, postgres, pool, port, redis);
    infra.createTopics(Topics.ALL);
    return infra;
  }

  public String bootstrap() {
    return kafka.bootstrapServers();
  }

  public KafkaClusterTestKit kafka() {
    return kafka;
  }

  public HikariDataSource dataSource() {
    return pool;
  }

  public String redisUrl() {
    return "redis://127.0.0.1:" + redisPort;
  }

  public synchronized void stopRedis() throws IOException {
    redis.stop();
  }

  public synchronized void startRedis() throws IOException {
    redis = new RedisServer(redisPort);
    redis.start();
  }

  public void createTopics(Collection<String> topics) throws InterruptedException, ExecutionException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(props)) {
      for (String topic : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return producer;
  }

  /** Publishes an envelope as the platform does (JSON value, key, event type header) and waits for the ack. */
  public void publish(String topic, String key, EventEnvelope<?> envelope) throws Exception {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
        EventJson.writeBytes(envelope));
    record.headers().add("event_type", envelope.eventType().getBytes(StandardCharsets.UTF_8));
    producer.send(record).get();
  }

  public void publishRaw(ProducerRecord<byte[], byte[]> record) throws Exception {
    producer.send(record).get();
  }

  /** Reads everything on {@code topic} from the beginning until {@code expected} records were seen (or timeout). */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected, long timeoutMillis) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of(topic));
      while (out.size() < expected && System.currentTimeMillis() < deadline) {
        c.poll(java.time.Duration.ofMillis(200)).forEach(out::add);
      }
      // A little longer, to see records beyond the expected count (duplicates would show here).
      long settle = System.currentTimeMillis() + 500;
      while (System.currentTimeMillis() < settle) {
        c.poll(java.time.Duration.ofMillis(100)).forEach(out::add);
      }
    }
    return out;
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.putAll(Map.of());
    return new KafkaProducer<>(p);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    producer.close();
    try {
      redis.stop();
    } catch (Exception ignored) {
      // already stopped by a test
    }
    pool.close();
    postgres.close();
    kafka.close();
  }
}
