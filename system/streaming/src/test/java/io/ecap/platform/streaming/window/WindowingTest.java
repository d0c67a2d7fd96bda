package io.ecap.platform.streaming.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class WindowingTest {

  private static final Instant T = Instant.parse("2031-01-01T10:00:00Z");

  @Test
  void tumblingWindowsHoldEachEventOnceWithExclusiveEnds() {
    assertThat(WindowSpec.TUMBLING_1M.windowsOf(T.plusSeconds(59))).singleElement()
        .satisfies(w -> assertThat(w.start()).isEqualTo(T)).satisfies(w -> assertThat(w.end()).isEqualTo(T.plusSeconds(60)));
    assertThat(WindowSpec.TUMBLING_1M.windowsOf(T.plusSeconds(60)).get(0).start()).isEqualTo(T.plusSeconds(60));
  }

  @Test
  void slidingWindowsHoldEachEventSizeOverSlideTimes() {
    List<WindowSpec.Window> windows = WindowSpec.SLIDING_5M.windowsOf(T.plusSeconds(30));
    assertThat(windows).hasSize(5);
    assertThat(windows.get(0).start()).isEqualTo(T.minusSeconds(240));
    assertThat(windows.get(4).start()).isEqualTo(T);
    windows.forEach(w -> assertThat(w.end()).isAfter(T.plusSeconds(30)));
    assertThatThrownBy(() -> new WindowSpec("bad", Duration.ofMinutes(5), Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWatermarkIsTheSlowestActivePartitionAndIdlePartitionsStopHoldingItBack() {
    MutableClock clock = new MutableClock(T.plusSeconds(3_600));
    Watermarks marks = new Watermarks(Duration.ofMinutes(1), Duration.ofSeconds(30), clock);
    assertThat(marks.current()).isEmpty();
    assertThat(marks.isOpen(T)).isTrue();
    TopicPartition fast = new TopicPartition("orders", 0);
    TopicPartition slow = new TopicPartition("orders", 1);
    marks.observe(fast, T.plusSeconds(600));
    marks.observe(slow, T.plusSeconds(100));
    marks.observe(fast, T.plusSeconds(500)); // out of order: the watermark never goes back
    assertThat(marks.current()).contains(T.plusSeconds(100));
    // [T, T+60s) closes at watermark T+120s: still open at T+100s.
    assertThat(marks.isOpen(T.plusSeconds(60))).isTrue();
    assertThat(marks.isOpen(T.plusSeconds(40))).isFalse();
    clock.now = clock.now.plusSeconds(31);
    marks.observe(fast, T.plusSeconds(610));
    assertThat(marks.current()).as("slow partition idle for 31 s").contains(T.plusSeconds(610));
    assertThat(marks.closedUpTo()).contains(T.plusSeconds(550));
    marks.forget(List.of(fast));
    assertThat(marks.current()).as("only an idle partition left: its latest time").contains(T.plusSeconds(100));
    marks.observe(slow, T.plus(Duration.ofDays(365)));
    assertThat(marks.current()).as("a far-future event time advances it only to now + max skew")
        .contains(clock.now.plus(Watermarks.MAX_FUTURE_SKEW));
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
