package io.ecap.platform.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.lake.LakeRefresh;
import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.LoadId;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.core.Topics;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.KafkaDatasetPublisher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured Streaming from a real Kafka 4.1 broker into bronze: everything on the topics lands once, a restart from
 * the checkpoint adds nothing, and a redelivery lands in bronze but counts once in silver.
 */
class StreamingIngestionIT {

  @TempDir
  static Path root;
  static IsolatedKafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = new IsolatedKafkaBroker();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(Topics.ORDERS, 2, (short) 1), new NewTopic(Topics.PAYMENTS, 2, (short) 1),
          new NewTopic(Topics.CLICKSTREAM, 2, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
  }

  private static DatasetSummary publish(long seed) {
    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer());
    try (producer) {
      return new ECommerceDataGenerator(seed, DatasetProfile.of(50, 20, 150)).generate(new KafkaDatasetPublisher(producer));
    }
  }

  @Test
  void topicsLandInBronzeExactlyOnceAcrossRestartsAndRedeliveriesCountOnceInSilver() throws Exception {
    LakeConfig config = new LakeConfig(root.toString(), root.resolve("landing").toString(), broker.bootstrapServers());
    LakeTables lake = new LakeTables(TestLake.spark(), config);
    DatasetSummary summary = publish(61);

    new StreamingIngestion(lake).start(Trigger.AvailableNow()).awaitTermination();
    assertThat(lake.read(Layer.BRONZE, "orders").count()).isEqualTo(summary.orders());
    assertThat(lake.read(Layer.BRONZE, "payments").count()).isEqualTo(summary.orders());
    assertThat(lake.read(Layer.BRONZE, "clickstream").count()).isEqualTo(summary.clicks());
    assertThat(lake.read(Layer.BRONZE, "orders").filter("kafka_offset IS NULL OR source <> 'kafka:orders'").count())
        .isZero();

    // Restarted from its checkpoint with nothing new on the topics: nothing is appended twice.
    new StreamingIngestion(lake).start(Trigger.AvailableNow()).awaitTermination();
    assertThat(lake.read(Layer.BRONZE, "orders").count()).isEqualTo(summary.orders());

    // The same events published again (a producer retry storm): bronze keeps both copies, silver counts one.
    publish(61);
    new StreamingIngestion(lake).start(Trigger.AvailableNow()).awaitTermination();
    assertThat(lake.read(Layer.BRONZE, "orders").count()).isEqualTo(2L * summary.orders());
    new LakeRefresh(lake).refresh(LoadId.next());
    assertThat(lake.read(Layer.SILVER, SilverTables.ORDERS).count()).isEqualTo(summary.orders());
    assertThat(lake.read(Layer.SILVER, SilverTables.CLICKSTREAM).count()).isEqualTo(summary.clicks());
  }
}
