package io.ecap.testenv.operator.api.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {

  @Test
  void roundTripKeepsEveryField() {
    ShardSummary shard = SummaryFixtures.shard(1, 40, 2, 1, 1, "api");
    shard.setPerformance(SummaryFixtures.performance(12.5, 1.2));
    shard.setTimedOutTest("io.ecap.SlowTest#hangs");
    ShardSummary back = SummaryCodec.read(SummaryCodec.write(shard));
    assertThat(back).usingRecursiveComparison().isEqualTo(shard);
  }

  @Test
  void compactSummaryFitsATerminationMessageAndKeepsTheCounts() {
    ShardSummary shard = SummaryFixtures.shard(0, 300, 60, 3, 5, "streaming");
    assertThat(SummaryCodec.write(shard).getBytes(StandardCharsets.UTF_8).length)
        .isGreaterThan(SummaryCodec.TERMINATION_MESSAGE_BYTES);

    String compact = SummaryCodec.writeCompact(shard, SummaryCodec.TERMINATION_MESSAGE_BYTES);

    assertThat(compact.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SummaryCodec.TERMINATION_MESSAGE_BYTES);
    ShardSummary back = SummaryCodec.read(compact);
    assertThat(back.getFailed()).isEqualTo(60);
    assertThat(back.getPassed()).isEqualTo(300);
    assertThat(back.getSuites()).hasSize(1);
    assertThat(back.getFailures()).isNotEmpty().hasSizeLessThan(60);
    assertThat(back.getErrors()).anyMatch(e -> e.contains("omitted to fit the termination message"));
  }

  @Test
  void smallSummaryIsWrittenWhole() {
    ShardSummary shard = SummaryFixtures.shard(0, 3, 1, 0, 0, "health");
    assertThat(SummaryCodec.writeCompact(shard, 4096)).isEqualTo(SummaryCodec.write(shard));
  }

  @Test
  void unknownFieldsAndVersionsAreRejected() {
    assertThatThrownBy(() -> SummaryCodec.read("{\"schemaVersion\":1,\"passd\":3}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passd");
    assertThatThrownBy(() -> SummaryCodec.read("{\"schemaVersion\":7}"))
        .hasMessageContaining("schemaVersion 7");
    assertThatThrownBy(() -> SummaryCodec.read("not json")).isInstanceOf(IllegalArgumentException.class);
  }
}
