package io.ecap.platform.streaming.service;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** Client construction shared by the services: the same timeouts and safety settings everywhere. */
public final class Connections {

  private Connections() {
  }

  /**
   * A Redis pool that fails fast (2 s) while Redis is down and recovers by itself: connections are tested on
   * borrow so a broken one is replaced rather than handed out.
   */
  public static JedisPool redis(String redisUrl) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(16);
    config.setMaxIdle(8);
    config.setMinIdle(0);
    config.setTestOnBorrow(true);
    config.setMaxWait(Duration.ofSeconds(2));
    config.setJmxEnabled(false);
    return new JedisPool(config, URI.create(redisUrl), 2_000, 2_000);
  }

  /** An idempotent producer that waits for all in-sync replicas and does not linger (latency over batching). */
  public static KafkaProducer<byte[], byte[]> producer(String bootstrap, String clientId, Map<String, String> extra) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.putAll(extra);
    return new KafkaProducer<>(p);
  }

  /** PostgreSQL health: a valid connection within a second. */
  public static ServiceHealth.Status postgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1) ? ServiceHealth.Status.UP : ServiceHealth.Status.DOWN;
    } catch (Exception e) {
      return ServiceHealth.Status.DOWN;
    }
  }

  /** Redis health: PING answered. */
  public static boolean redisReachable(JedisPool pool) {
    try (Jedis jedis = pool.getResource()) {
      return "PONG".equals(jedis.ping());
    } catch (Exception e) {
      return false;
    }
  }
}
