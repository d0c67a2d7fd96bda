package io.ecap.platform.analytics.jobs;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An in-process KRaft broker (Kafka 4.1's test kit) in its own classloader over the jars in
 * {@code target/kafka-broker}, so that it never meets the kafka-clients 3.9 Spark's connector uses on the test
 * classpath: the way a Spark job meets a 4.1 broker in production, over the wire only.
 */
final class IsolatedKafkaBroker implements AutoCloseable {

  private final URLClassLoader loader;
  private final Object kit;
  private final String bootstrap;

  IsolatedKafkaBroker() throws Exception {
    Path dir = Path.of(System.getProperty("kafka.broker.classpath", "target/kafka-broker"));
    URL[] jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).map(p -> {
        try {
          return p.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
          throw new IllegalStateException(e);
        }
      }).toArray(URL[]::new);
    }
    loader = new URLClassLoader("kafka-4.1-broker", jars, ClassLoader.getPlatformClassLoader());
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      Class<?> nodesBuilder = loader.loadClass("org.apache.kafka.common.test.TestKitNodes$Builder");
      Object nb = nodesBuilder.getConstructor().newInstance();
      nodesBuilder.getMethod("setCombined", boolean.class).invoke(nb, true);
      nodesBuilder.getMethod("setNumBrokerNodes", int.class).invoke(nb, 1);
      nodesBuilder.getMethod("setNumControllerNodes", int.class).invoke(nb, 1);
      Object nodes = nodesBuilder.getMethod("build").invoke(nb);
      Class<?> kitBuilder = loader.loadClass("org.apache.kafka.common.test.KafkaClusterTestKit$Builder");
      Object kb = kitBuilder.getConstructor(nodes.getClass()).newInstance(nodes);
      kitBuilder.getMethod("setConfigProp", String.class, Object.class).invoke(kb, "num.partitions", "2");
      kit = kitBuilder.getMethod("build").invoke(kb);
      kit.getClass().getMethod("format").invoke(kit);
      kit.getClass().getMethod("startup").invoke(kit);
      kit.getClass().getMethod("waitForReadyBrokers").invoke(kit);
      bootstrap = (String) kit.getClass().getMethod("bootstrapServers").invoke(kit);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  String bootstrapServers() {
    return bootstrap;
  }

  @Override
  public void close() throws Exception {
    kit.getClass().getMethod("close").invoke(kit);
    loader.close();
  }
}
