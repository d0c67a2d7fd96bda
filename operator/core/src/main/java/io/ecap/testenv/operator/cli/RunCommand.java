package io.ecap.testenv.operator.cli;

import io.ecap.testenv.operator.OperatorFactory;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.metrics.HttpEndpoints;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** Runs the operator against the cluster of the current kubeconfig or service account, settings from the environment. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the operator (settings from ECAP_* environment variables).")
public final class RunCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings = OperatorSettings.fromEnvironment();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator = OperatorFactory.create(client, settings, registry, Clock.systemUTC());
    HttpEndpoints endpoints = new HttpEndpoints(settings.httpPort(), registry, operator);
    endpoints.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.stop();
      endpoints.close();
      client.close();
      stopped.countDown();
    }, "shutdown"));
    operator.start();
    stopped.await();
    return 0;
  }
}
