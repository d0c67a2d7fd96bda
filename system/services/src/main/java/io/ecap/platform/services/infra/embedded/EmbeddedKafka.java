package io.ecap.platform.services.infra.embedded;

import io.ecap.platform.core.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.test.TestKitNodes;

/** A one-node KRaft Kafka (combined broker and controller) in this JVM, with the platform's topics. */
public final class EmbeddedKafka implements AutoCloseable {

  private static final int PARTITIONS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaClusterTestKit cluster;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static EmbeddedKafka start() throws Exception {
    // A fatal error in the in-process broker (seen while it shuts down after a restart) must not take the
    // whole JVM with it: Kafka's own test harnesses replace these procedures the same way. The broker then
    // reports itself down and the platform's health says so.
    Exit.setExitProcedure((status, message) -> LOG.error("embedded Kafka asked to exit ({}): {}", status, message));
    Exit.setHaltProcedure((status, message) -> LOG.error("embedded Kafka asked to halt ({}): {}", status, message));
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("auto.create.topics.enable", "false")
        .setConfigProp("num.partitions", Integer.toString(PARTITIONS))
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    EmbeddedKafka kafka = new EmbeddedKafka(cluster);
    kafka.createTopics(Topics.ALL);
    return kafka;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates the topics (existing ones are left alone). */
  public void createTopics(List<String> topics) throws InterruptedException, ExecutionException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      List<NewTopic> wanted = topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)
          .configs(Map.of("min.insync.replicas", "1"))).toList();
      try {
        admin.createTopics(wanted).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  /**
   * Stops the broker (clients see it gone: connections refused) for {@code down}, then starts it again on the same
   * listener and waits until it serves. Its log directories are kept, so no acknowledged record is lost.
   */
  public synchronized void restartBroker(java.time.Duration down) throws Exception {
    kafka.server.BrokerServer broker = cluster.brokers().values().iterator().next();
    broker.shutdown();
    broker.awaitShutdown();
    Thread.sleep(down.toMillis());
    broker.startup();
    cluster.waitForReadyBrokers();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
