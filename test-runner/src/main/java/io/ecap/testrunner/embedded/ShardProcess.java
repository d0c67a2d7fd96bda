package io.ecap.testrunner.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One shard as a child JVM of the runner ({@code RunnerMain shard}); its output goes to the console and its log. */
final class ShardProcess {

  private final int index;
  private final Process process;
  private final Thread pump;

  private ShardProcess(int index, Process process, Path log, PrintStream out) throws IOException {
    this.index = index;
    this.process = process;
    this.pump = LogPump.start(process, log, "ecap-shard-" + index + "-log", line -> {
      if (line.startsWith("[shard ")) {
        out.println(line);
      }
    }, e -> out.println("[shard " + index + "] output lost: " + e.getMessage()));
  }

  static ShardProcess start(int index, List<String> command, Map<String, String> environment, Path log,
      PrintStream out) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ShardProcess(index, builder.start(), log, out);
  }

  int index() {
    return index;
  }

  /** @return the exit code, or empty when the shard was still running at the deadline (it is then stopped) */
  java.util.OptionalInt await(long deadlineNanos) throws InterruptedException {
    long left = Math.max(0, deadlineNanos - System.nanoTime());
    if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
      ProcessTree.stop(process, Duration.ofSeconds(5));
      pump.join(2000);
      return java.util.OptionalInt.empty();
    }
    pump.join(5000);
    return java.util.OptionalInt.of(process.exitValue());
  }

  void stop() {
    ProcessTree.stop(process, Duration.ofSeconds(5));
  }
}
