package io.ecap.testenv.operator.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testenv.operator.api.status.FailureSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@link ShardSummary} JSON. Writing can compact a summary to a byte budget
 * (a pod's termination message holds at most 4096 bytes): stack traces go first, then messages are
 * shortened, then the failure list is cut, and what was cut is said in {@code errors}.
 */
public final class SummaryCodec {

  /** Kubernetes caps a container's termination message at 4096 bytes. */
  public static final int TERMINATION_MESSAGE_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SummaryCodec() {
  }

  public static String write(ShardSummary summary) {
    try {
      return JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a ShardSummary is always serialisable", e);
    }
  }

  /** The summary as JSON of at most {@code maxBytes} UTF-8 bytes, keeping counts and suites whole. */
  public static String writeCompact(ShardSummary summary, int maxBytes) {
    String json = write(summary);
    if (bytes(json) <= maxBytes) {
      return json;
    }
    ShardSummary copy = read(json);
    copy.getFailures().forEach(f -> f.setStackTrace(null));
    json = write(copy);
    for (int messageLength = 200; bytes(json) > maxBytes && messageLength >= 40; messageLength /= 2) {
      for (FailureSummary failure : copy.getFailures()) {
        failure.setMessage(truncate(failure.getMessage(), messageLength));
      }
      json = write(copy);
    }
    int dropped = 0;
    while (bytes(json) > maxBytes && !copy.getFailures().isEmpty()) {
      copy.getFailures().remove(copy.getFailures().size() - 1);
      dropped++;
      List<String> errors = new ArrayList<>(summary.getErrors());
      errors.add(dropped + " more failure(s) omitted to fit the termination message; see the JUnit XML");
      copy.setErrors(errors);
      json = write(copy);
    }
    while (bytes(json) > maxBytes && !copy.getFlakyTests().isEmpty()) {
      copy.getFlakyTests().remove(copy.getFlakyTests().size() - 1);
      json = write(copy);
    }
    if (bytes(json) > maxBytes) {
      throw new IllegalStateException("summary of shard " + summary.getShardIndex() + " does not fit in " + maxBytes
          + " bytes even without failures (" + bytes(json) + " bytes)");
    }
    return json;
  }

  /**
   * @throws IllegalArgumentException when the text is not a summary of a known schema version
   */
  public static ShardSummary read(String json) {
    try {
      ShardSummary summary = JSON.readValue(json, ShardSummary.class);
      if (summary.getSchemaVersion() != ShardSummary.SCHEMA_VERSION) {
        throw new IllegalArgumentException("summary schemaVersion " + summary.getSchemaVersion()
            + " is not supported (expected " + ShardSummary.SCHEMA_VERSION + ")");
      }
      return summary;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a shard summary: " + e.getOriginalMessage(), e);
    }
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static int bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }
}
