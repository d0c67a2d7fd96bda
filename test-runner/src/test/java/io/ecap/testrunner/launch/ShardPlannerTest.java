package io.ecap.testrunner.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardPlannerTest {

  private final List<String> classes = IntStream.range(0, 23).mapToObj(i -> "com.example.Test" + i).toList();

  @Test
  void shardsArePartition() {
    ShardPlanner planner = new ShardPlanner(Map.of());
    for (int total = 1; total <= 7; total++) {
      List<String> all = new ArrayList<>();
      for (int index = 0; index < total; index++) {
        all.addAll(planner.shard(classes, index, total));
      }
      assertThat(all).as("%d shards", total).hasSize(classes.size()).containsExactlyInAnyOrderElementsOf(classes);
    }
  }

  @Test
  void withoutHistoryShardsAreBalancedByCount() {
    List<List<String>> shards = new ShardPlanner(Map.of()).plan(classes, 4);
    assertThat(shards).allSatisfy(s -> assertThat(s.size()).isBetween(5, 6));
  }

  @Test
  void withHistoryShardsAreBalancedByDuration() {
    Map<String, Duration> history = Map.of("slow", Duration.ofSeconds(60), "a", Duration.ofSeconds(20),
        "b", Duration.ofSeconds(20), "c", Duration.ofSeconds(20));
    List<List<String>> shards = new ShardPlanner(history).plan(List.of("a", "b", "c", "slow"), 2);
    assertThat(shards).containsExactlyInAnyOrder(List.of("slow"), List.of("a", "b", "c"));
  }

  @Test
  void planIsStableWhateverTheInputOrder() {
    ShardPlanner planner = new ShardPlanner(Map.of());
    List<String> reversed = new ArrayList<>(classes);
    java.util.Collections.reverse(reversed);
    assertThat(planner.plan(reversed, 3)).isEqualTo(planner.plan(classes, 3));
  }

  @Test
  void aShardThatDoesNotExistIsAnError() {
    assertThatThrownBy(() -> new ShardPlanner(Map.of()).shard(classes, 3, 3)).hasMessageContaining("shard 3 of 3");
  }
}
