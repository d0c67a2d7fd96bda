package io.ecap.testrunner.suites.performance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A load bounded in both count and time: {@code workers} threads share {@code requests} calls and stop at the
 * deadline whatever is left. Each call returns its status; latencies are measured around it.
 */
final class BoundedLoad {

  /** One call of the load, by sequence number; returns the HTTP status. */
  @FunctionalInterface
  interface Call {
    int run(int sequence);
  }

  /** What the load measured: per-call latency in ms, and the calls that did not answer 2xx. */
  record Result(double[] millis, List<String> failures, boolean cutShort) {
  }

  private final int workers;
  private final int requests;
  private final Duration limit;

  BoundedLoad(int workers, int requests, Duration limit) {
    this.workers = workers;
    this.requests = requests;
    this.limit = limit;
  }

  Result run(Call call, IntFunction<String> describe) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    double[] millis = new double[requests];
    AtomicInteger done = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + limit.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
            long start = System.nanoTime();
            int status;
            try {
              status = call.run(i);
            } catch (RuntimeException e) {
              failures.add(describe.apply(i) + ": " + e.getMessage());
              continue;
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            done.incrementAndGet();
            if (status < 200 || status > 299) {
              failures.add(describe.apply(i) + " answered " + status);
            }
          }
        }));
      }
      pool.shutdown();
      if (!pool.awaitTermination(limit.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
        throw new IllegalStateException("the load did not stop within " + limit.plusSeconds(30));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a load worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int measured = Math.min(done.get(), requests);
    double[] samples = new double[measured];
    int k = 0;
    for (double m : millis) {
      if (m > 0 && k < measured) {
        samples[k++] = m;
      }
    }
    return new Result(java.util.Arrays.copyOf(samples, k), List.copyOf(failures), measured < requests);
  }
}
