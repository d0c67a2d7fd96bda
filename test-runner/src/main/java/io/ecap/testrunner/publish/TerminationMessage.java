package io.ecap.testrunner.publish;

import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.results.SummaryCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the compact summary (at most 4096 bytes) where Kubernetes reads a container's termination message. */
public final class TerminationMessage {

  private TerminationMessage() {
  }

  public static String write(ShardSummary summary, Path path) throws IOException {
    String json = SummaryCodec.writeCompact(summary, SummaryCodec.TERMINATION_MESSAGE_BYTES);
    Files.writeString(path, json, StandardCharsets.UTF_8);
    return json;
  }
}
