package io.ecap.testrunner.launch;

import io.ecap.testrunner.results.ShardResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the sample suites of src/test (package io.ecap.testrunner.samples) through the real launcher, in this JVM. */
public final class SampleShards {

  public static final String SAMPLES = "io.ecap.testrunner.samples";

  private final Map<String, String> env = new HashMap<>();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  public SampleShards(Path reportDir) {
    env.put(ShardEnvironment.SUITES_PACKAGE, SAMPLES);
    env.put(ShardEnvironment.RUN_ID, "sample-run");
    env.put(ShardEnvironment.REPORT_DIR, reportDir.toString());
  }

  public SampleShards with(String variable, String value) {
    env.put(variable, value);
    return this;
  }

  public ShardResult run() {
    try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
      return new ShardCommand().execute(ShardEnvironment.from(env), out);
    }
  }

  public Map<String, String> env() {
    return env;
  }

  public String progress() {
    return progress.toString(StandardCharsets.UTF_8);
  }
}
