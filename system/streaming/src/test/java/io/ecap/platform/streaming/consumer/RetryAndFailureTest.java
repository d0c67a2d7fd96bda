package io.ecap.platform.streaming.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RetryAndFailureTest {

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));
    assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoffAfter(60)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void dependencyOutagesAreTransientAndBadDataIsNot() {
    assertThat(FailureClassifier.isTransient(new SQLTransientConnectionException("pool"))).isTrue();
    assertThat(FailureClassifier.isTransient(new SQLException("gone", "08006"))).isTrue();
    assertThat(FailureClassifier.isTransient(new SQLException("serialization", "40001"))).isTrue();
    assertThat(FailureClassifier.isTransient(new RuntimeException(new JedisConnectionException("down")))).isTrue();
    assertThat(FailureClassifier.isTransient(new IOException("reset"))).isTrue();
    assertThat(FailureClassifier.isTransient(new TransientFailure("not yet"))).isTrue();
    assertThat(FailureClassifier.isTransient(new SQLException("check violated", "23514"))).isFalse();
    assertThat(FailureClassifier.isTransient(new IllegalArgumentException("bad"))).isFalse();
    assertThat(FailureClassifier.isTransient(new PermanentFailure("no", new IOException("x")))).isFalse();
  }
}
