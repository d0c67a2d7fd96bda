package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import io.ecap.platform.streaming.consumer.ConsumerSettings;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.consumer.EventCatalog;
import io.ecap.platform.streaming.consumer.EventDecoder;
import io.ecap.platform.streaming.consumer.RetryPolicy;
import io.ecap.platform.streaming.service.Connections;
import io.ecap.platform.streaming.service.ManagedService;
import io.ecap.platform.streaming.service.ServiceHealth;
import io.ecap.platform.streaming.service.ServiceHealth.Status;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPool;

/** The {@code fraud} service: real-time scoring of orders and payments, decisions and alerts. */
public final class FraudService implements ManagedService {

  public static final String SERVICE = "fraud";

  /** An order's customer row may trail its event by a few seconds (another writer's commit): wait up to ~16 s. */
  private static final RetryPolicy PATIENT = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(5));

  private static final Logger LOG = LoggerFactory.getLogger(FraudService.class);

  private final ServiceSettings settings;
  private final FraudSettings fraud;
  private final MeterRegistry registry;
  private JedisPool redis;
  private KafkaProducer<byte[], byte[]> producer;
  private ReloadingFraudModel model;
  private FraudScoringConsumer consumer;
  private ScheduledExecutorService reloader;

  public FraudService(ServiceSettings settings, FraudSettings fraud, MeterRegistry registry) {
    this.settings = settings;
    this.fraud = fraud;
    this.registry = registry;
  }

  @Override
  public String name() {
    return SERVICE;
  }

  @Override
  public synchronized void start() {
    redis = Connections.redis(settings.redisUrl());
    producer = Connections.producer(settings.kafkaBootstrap(), settings.group(SERVICE), settings.kafkaClientProperties());
    model = new ReloadingFraudModel(modelSource(), FraudModelReader.defaultModel(), fraud.declineThreshold(), registry);
    model.refresh();
    ConsumerSettings consumerSettings = new ConsumerSettings(settings.kafkaBootstrap(), settings.group(SERVICE),
        List.of(Topics.ORDERS, Topics.PAYMENTS), 200, Duration.ofMillis(200), PATIENT, Duration.ofDays(7),
        settings.kafkaClientProperties());
    consumer = new FraudScoringConsumer(consumerSettings, settings.dataSource(),
        new EventDecoder(EventCatalog.platformEvents()), new DeadLetterPublisher(producer), registry,
        new OnlineFeatureStore(redis), new CustomerProfiles(), model, producer, Clock.systemUTC());
    consumer.start();
    reloader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fraud-model-reload"));
    long every = fraud.reloadEvery().toMillis();
    reloader.scheduleWithFixedDelay(model::refresh, every, every, TimeUnit.MILLISECONDS);
    LOG.info("fraud service started with model {} (alerts at score >= {})", model.version(), model.reviewThreshold());
  }

  /** The registry's production model first, then the model file; none of them: the built-in rules. */
  private ModelSource modelSource() {
    List<ModelSource> sources = new ArrayList<>();
    if (fraud.registryModel() != null) {
      sources.add(ModelSource.registry(new ModelRegistry(settings.dataSource()), fraud.registryModel()));
    }
    if (fraud.modelPath() != null) {
      sources.add(ModelSource.file(fraud.modelPath()));
    }
    return ModelSource.firstOf(sources);
  }

  /** The version of the model scoring right now. */
  public String modelVersion() {
    return model.version();
  }

  /** Checks the model source now instead of waiting for the timer (e.g. right after a promotion). */
  public String reloadModel() {
    return model.refresh().version();
  }

  @Override
  public ServiceHealth health() {
    ServiceHealth.Builder health = new ServiceHealth.Builder(SERVICE);
    health.consumer(consumer, model == null ? null : "model " + model.version());
    health.check("postgresql", Connections.postgres(settings.dataSource()), null);
    // Features live in Redis: without it orders wait in retries and then the dead-letter topic.
    health.check("redis", redis != null && Connections.redisReachable(redis) ? Status.UP : Status.DOWN, null);
    return health.build();
  }

  @Override
  public synchronized void close() {
    if (consumer != null) {
      consumer.close();
    }
    if (reloader != null) {
      reloader.shutdownNow();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (redis != null) {
      redis.close();
    }
  }
}
