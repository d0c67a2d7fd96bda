package io.ecap.testrunner.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: politely first, then forcibly. */
final class ProcessTree {

  private ProcessTree() {
  }

  static void stop(Process process, Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle descendant : descendants) {
      while (descendant.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (descendant.isAlive()) {
        descendant.destroyForcibly();
      }
    }
  }
}
