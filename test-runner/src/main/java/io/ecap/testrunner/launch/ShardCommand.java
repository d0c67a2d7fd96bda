package io.ecap.testrunner.launch;

import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testrunner.metrics.PushgatewayPublisher;
import io.ecap.testrunner.publish.ResultsConfigMap;
import io.ecap.testrunner.publish.TerminationMessage;
import io.ecap.testrunner.report.JUnitXmlWriter;
import io.ecap.testrunner.results.Outcome;
import io.ecap.testrunner.results.ShardResult;
import io.ecap.testrunner.results.ShardSummaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One shard, configured by its environment ({@link ShardEnvironment}): what a runner pod's entrypoint
 * runs in a cluster and what the embedded launcher starts once per shard. Writes summary.json, JUnit
 * XML and the class durations to the report directory, pushes metrics, stores the summary in a
 * ConfigMap and the termination message when asked to, and exits 0 only when nothing failed.
 */
public final class ShardCommand {

  public static final String SUMMARY_FILE = "summary.json";
  public static final String CLASS_DURATIONS_FILE = "class-durations.json";

  private final Supplier<KubernetesClient> kubernetes;

  public ShardCommand() {
    this(() -> new KubernetesClientBuilder().build());
  }

  public ShardCommand(Supplier<KubernetesClient> kubernetes) {
    this.kubernetes = kubernetes;
  }

  /** @return the exit code: 0 passed (flaky allowed), 1 failures or run errors, 2 a malformed environment */
  public int run(Map<String, String> variables, PrintStream out, PrintStream err) {
    ShardEnvironment env;
    try {
      env = ShardEnvironment.from(variables);
    } catch (IllegalArgumentException e) {
      err.println("shard: " + e.getMessage());
      return 2;
    }
    ShardResult result = execute(env, out);
    write(env, result, out, err);
    out.printf(Locale.ROOT, "%s done in %.1f s: %d tests, %d passed, %d failed, %d flaky, %d skipped%s%n", prefix(env),
        Duration.between(result.startedAt(), result.finishedAt()).toMillis() / 1000.0, result.tests().size(),
        result.count(Outcome.PASSED), result.count(Outcome.FAILED), result.count(Outcome.FLAKY),
        result.count(Outcome.SKIPPED), result.errors().isEmpty() ? "" : "; errors: " + String.join("; ", result.errors()));
    return result.succeeded() ? 0 : 1;
  }

  /** Selects, plans and runs this shard's tests. */
  public ShardResult execute(ShardEnvironment env, PrintStream out) {
    Instant started = Instant.now();
    Launcher launcher = LauncherFactory.create();
    SuiteCatalogue catalogue = SuiteCatalogue.discover(launcher, env.suitesPackage());
    SuiteCatalogue.Selection selection = catalogue.select(env.suites());
    List<String> errors = new ArrayList<>();
    for (String unknown : selection.unknown()) {
      errors.add("unknown suite '" + unknown + "': this runner has " + String.join(", ", catalogue.suites()));
    }
    Map<String, java.time.Duration> history = Map.of();
    if (env.historyFile().isPresent()) {
      try {
        history = ClassDurationHistory.read(env.historyFile().get());
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage() + " (shards balanced by count instead)");
      }
    }
    List<String> classes = new ShardPlanner(history).shard(selection.classes(), env.shardIndex(), env.shardTotal());
    List<String> suites = selection.suites().stream()
        .filter(s -> classes.stream().anyMatch(c -> s.equals(selection.suiteOfClass().get(c)))).toList();
    out.printf("%s suites %s: %d of %d test classes in this shard%n", prefix(env), suites, classes.size(),
        selection.classes().size());
    ShardRunner.Execution execution = new ShardRunner(launcher, env.retries(), env.timeout(), selection.suiteOfClass(),
        out, prefix(env)).run(classes);
    errors.addAll(execution.errors());
    return new ShardResult(env.runId(), env.shardIndex(), env.shardTotal(), started, Instant.now(), suites,
        execution.tests(), execution.suiteSeconds(), execution.classSeconds(), execution.performance(),
        execution.timedOutTest(), errors);
  }

  private void write(ShardEnvironment env, ShardResult result, PrintStream out, PrintStream err) {
    ShardSummary summary = ShardSummaries.of(result);
    String json = SummaryCodec.write(summary);
    try {
      Files.createDirectories(env.reportDir());
      Files.writeString(env.reportDir().resolve(SUMMARY_FILE), json, StandardCharsets.UTF_8);
      JUnitXmlWriter.write(result, env.reportDir());
      ClassDurationHistory.write(env.reportDir().resolve(CLASS_DURATIONS_FILE), result.classSeconds());
    } catch (IOException | UncheckedIOException e) {
      err.println(prefix(env) + " cannot write the results to " + env.reportDir() + ": " + e.getMessage());
    }
    if (env.pushgatewayUrl().isPresent()) {
      try {
        new PushgatewayPublisher(env.pushgatewayUrl().get()).push(result);
        out.println(prefix(env) + " metrics pushed to " + env.pushgatewayUrl().get());
      } catch (IOException | RuntimeException e) {
        err.println(prefix(env) + " could not push metrics to " + env.pushgatewayUrl().get() + ": " + e.getMessage());
      }
    }
    if (env.writesConfigMap()) {
      try (KubernetesClient client = kubernetes.get()) {
        String compact = SummaryCodec.writeCompact(summary, SummaryCodec.TERMINATION_MESSAGE_BYTES);
        new ResultsConfigMap(client).write(env.namespace().get(), env.resultsConfigMap().get(), env.runId(),
            env.shardIndex(), compact);
      } catch (RuntimeException e) {
        err.println(prefix(env) + " could not store the summary in ConfigMap " + env.namespace().get() + "/"
            + env.resultsConfigMap().get() + ": " + e.getMessage());
      }
    }
    if (env.terminationMessagePath().isPresent()) {
      try {
        TerminationMessage.write(summary, env.terminationMessagePath().get());
      } catch (IOException | RuntimeException e) {
        err.println(prefix(env) + " could not write the termination message: " + e.getMessage());
      }
    }
  }

  private static String prefix(ShardEnvironment env) {
    return "[shard " + env.shardIndex() + "/" + env.shardTotal() + "]";
  }

  /** The report directory of a shard as the embedded launcher lays it out. */
  public static Path shardDir(Path reportDir, int index) {
    return reportDir.resolve("shard-" + index);
  }
}
