package io.ecap.testenv.operator.results;

import io.ecap.testenv.operator.api.results.ShardSummary;
import java.util.List;
import java.util.Map;

/** The summaries the shards left, and for each shard that left none, why (its pod's state). */
public record ShardReport(List<ShardSummary> summaries, Map<Integer, String> missing) {

  public boolean complete() {
    return missing.isEmpty();
  }
}
