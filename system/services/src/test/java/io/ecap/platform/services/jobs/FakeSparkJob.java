package io.ecap.platform.services.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stand-in for a Spark job in the queue's tests, run as a real child JVM from a jar the test builds: prints what a
 * job is given (lake, run id, endpoints), then, as its arguments say, records its start and end in a shared file,
 * prints numbered lines, sleeps, hangs, and exits with a code.
 * Arguments: {@code --record FILE NAME}, {@code --lines N}, {@code --sleep-ms N}, {@code --hang}, {@code --exit N}.
 */
public final class FakeSparkJob {

  private FakeSparkJob() {
  }

  public static void main(String[] args) throws Exception {
    System.out.println("lake=" + System.getenv("ECAP_LAKE_PATH") + " runId=" + System.getenv("ECAP_JOB_RUN_ID")
        + " jdbc=" + System.getenv("ECAP_JDBC_URL") + " user=" + System.getenv("ECAP_JDBC_USER")
        + " kafka=" + System.getenv("ECAP_KAFKA_BOOTSTRAP") + " landing=" + System.getenv("ECAP_LANDING_PATH")
        + " pid=" + ProcessHandle.current().pid() + " args=" + String.join(",", args));
    Path record = null;
    String name = "";
    int exit = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--record" -> {
          record = Path.of(args[++i]);
          name = args[++i];
          append(record, "start " + name);
        }
        case "--lines" -> {
          int n = Integer.parseInt(args[++i]);
          for (int line = 1; line <= n; line++) {
            System.out.println("line " + line);
          }
        }
        case "--sleep-ms" -> Thread.sleep(Long.parseLong(args[++i]));
        case "--hang" -> Thread.sleep(600_000);
        case "--exit" -> exit = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (record != null) {
      append(record, "end " + name);
    }
    System.out.flush();
    System.exit(exit);
  }

  private static void append(Path file, String line) throws Exception {
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
