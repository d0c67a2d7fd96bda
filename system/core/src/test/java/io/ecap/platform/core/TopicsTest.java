package io.ecap.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyPlatformTopicHasALegalUniqueName() {
    assertThat(Topics.ALL).doesNotHaveDuplicates().allMatch(Topics::isLegalName);
  }

  @Test
  void illegalNamesAreRecognised() {
    assertThat(Topics.isLegalName("orders topic")).isFalse();
    assertThat(Topics.isLegalName("..")).isFalse();
    assertThat(Topics.isLegalName("x".repeat(250))).isFalse();
    assertThat(Topics.isLegalName("commandes-é")).isFalse();
  }
}
