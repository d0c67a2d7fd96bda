package io.ecap.testenv.operator.bench;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.micrometer.core.instrument.Counter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;

/**
 * `make bench` for the operator: 50 runs created at once against the mock API server with the
 * simulator. Prints p50/p95 from creation to all dependents created (the runner Job is the last),
 * reconcile throughput and heap after GC, beside a baseline measured in the same JVM: a bare
 * create+get round trip on the same mock server.
 */
public final class OperatorBench {

  private static final int RUNS = 50;

  public static void main(String[] args) throws Exception {
    try (OperatorHarness harness = new OperatorHarness(OperatorSettings.defaults().withMaxConcurrentRuns(RUNS), true)) {
      double baselineMillis = baseline(harness);
      long heapBefore = heapAfterGc();
      harness.startOperator();
      Map<String, Long> created = new ConcurrentHashMap<>();
      Map<String, Long> complete = new ConcurrentHashMap<>();
      Map<String, Long> infrastructure = new ConcurrentHashMap<>();
      var infraWatch = harness.client().apps().statefulSets().inAnyNamespace().withLabel(RunLabels.COMPONENT, Component.POSTGRES)
          .watch(new Watcher<io.fabric8.kubernetes.api.model.apps.StatefulSet>() {
            @Override
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.apps.StatefulSet set) {
              infrastructure.putIfAbsent(set.getMetadata().getAnnotations().get(RunLabels.RUN_NAME_ANNOTATION), System.nanoTime());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
          });
      var watch = harness.client().batch().v1().jobs().inAnyNamespace().withLabel(RunLabels.COMPONENT, Component.TEST_RUNNER)
          .watch(new Watcher<Job>() {
            @Override
            public void eventReceived(Action action, Job job) {
              complete.putIfAbsent(job.getMetadata().getAnnotations().get(RunLabels.RUN_NAME_ANNOTATION), System.nanoTime());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
          });
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      for (int i = 0; i < RUNS; i++) {
        String name = "bench-" + i;
        pool.submit(() -> {
          IntegrationTestRun run = OperatorHarness.run(name, spec -> { });
          created.put(name, System.nanoTime());
          harness.create(run);
        });
      }
      pool.shutdown();
      Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> complete.size() == RUNS);
      Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
          harness.client().resources(IntegrationTestRun.class).inNamespace(OperatorHarness.NAMESPACE).list().getItems().stream()
              .filter(r -> r.getStatus() != null && r.getStatus().getPhase() == Phase.Succeeded).count() == RUNS);
      double seconds = (System.nanoTime() - start) / 1e9;
      watch.close();
      infraWatch.close();
      List<Double> latencies = new ArrayList<>();
      List<Double> infraLatencies = new ArrayList<>();
      created.forEach((name, at) -> {
        latencies.add((complete.get(name) - at) / 1e6);
        infraLatencies.add((infrastructure.get(name) - at) / 1e6);
      });
      Collections.sort(latencies);
      Collections.sort(infraLatencies);
      double reconciles = harness.registry.getMeters().stream()
          .filter(m -> m.getId().getName().startsWith("operator.sdk.reconciliations.success") && m instanceof Counter)
          .mapToDouble(m -> ((Counter) m).count()).sum();
      long heapAfter = heapAfterGc();
      System.out.printf("operator bench: %d runs created at once on the mock API server (simulator tick 50 ms)%n", RUNS);
      System.out.printf("  baseline: bare create+get round trip on the same mock server: p50 %.2f ms%n", baselineMillis);
      System.out.printf("  creation -> first wave created (namespace, guard rails, infrastructure; PostgreSQL StatefulSet seen): p50 %.0f ms, p95 %.0f ms%n",
          percentile(infraLatencies, 50), percentile(infraLatencies, 95));
      System.out.printf("  creation -> all dependents created (runner Job seen, through simulated readiness, seeding and Spark): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
          percentile(latencies, 50), percentile(latencies, 95), latencies.get(latencies.size() - 1));
      System.out.printf("  all %d runs Succeeded after %.1f s; %.0f reconciles, %.1f reconciles/s%n", RUNS, seconds, reconciles,
          reconciles / seconds);
      System.out.printf("  heap after GC: %.1f MB before the operator started, %.1f MB with %d finished runs cached%n",
          heapBefore / 1048576.0, heapAfter / 1048576.0, RUNS);
    }
    System.exit(0);
  }

  private static double baseline(OperatorHarness harness) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long t = System.nanoTime();
      harness.client().resource(new ConfigMapBuilder().withNewMetadata().withName("baseline-" + i)
          .withNamespace(OperatorHarness.NAMESPACE).endMetadata().addToData("k", "v").build()).create();
      harness.client().configMaps().inNamespace(OperatorHarness.NAMESPACE).withName("baseline-" + i).get();
      if (i >= 50) {
        samples.add((System.nanoTime() - t) / 1e6);
      }
    }
    Collections.sort(samples);
    return percentile(samples, 50);
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
