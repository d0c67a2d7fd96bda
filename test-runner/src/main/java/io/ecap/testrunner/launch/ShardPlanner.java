package io.ecap.testrunner.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Splits test classes into {@code n} shards: a stable partition (every class in exactly one shard, the
 * same shard for the same input on every pod), balanced by past duration when history exists and by
 * count otherwise. Longest-processing-time-first keeps the slowest shard within 4/3 of the optimum.
 */
public final class ShardPlanner {

  private final Map<String, Duration> history;

  /** @param history past duration per test class; classes without history count as the median known duration */
  public ShardPlanner(Map<String, Duration> history) {
    this.history = Map.copyOf(history);
  }

  /** The classes of shard {@code index} (0-based) out of {@code total}. */
  public List<String> shard(List<String> testClasses, int index, int total) {
    if (total < 1 || index < 0 || index >= total) {
      throw new IllegalArgumentException("shard " + index + " of " + total + " does not exist");
    }
    return plan(testClasses, total).get(index);
  }

  /** All shards; each class appears in exactly one. */
  public List<List<String>> plan(List<String> testClasses, int total) {
    Duration fallback = median();
    List<String> ordered = testClasses.stream().distinct()
        .sorted(Comparator.comparing((String c) -> history.getOrDefault(c, fallback)).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .toList();
    List<List<String>> shards = new ArrayList<>();
    long[] load = new long[total];
    for (int i = 0; i < total; i++) {
      shards.add(new ArrayList<>());
    }
    for (String testClass : ordered) {
      int lightest = 0;
      for (int i = 1; i < total; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      shards.get(lightest).add(testClass);
      // Without history every class weighs the same, which balances by count.
      load[lightest] += Math.max(1, history.getOrDefault(testClass, fallback).toMillis());
    }
    return shards.stream().map(List::copyOf).toList();
  }

  private Duration median() {
    if (history.isEmpty()) {
      return Duration.ofMillis(1);
    }
    List<Duration> sorted = history.values().stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
