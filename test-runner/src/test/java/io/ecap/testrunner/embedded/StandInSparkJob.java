package io.ecap.testrunner.embedded;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in Spark job main, run by the launcher as a child JVM: prints what a job reads (its environment, JVM
 * flags and arguments), appends its name to {@code <ECAP_LAKE_PATH>/jobs.txt} (so a test sees the order), sleeps
 * {@code --sleep=MS} and exits with {@code --exit=N}.
 */
public final class StandInSparkJob {

  private StandInSparkJob() {
  }

  public static void main(String[] args) throws Exception {
    int exit = 0;
    long sleep = 0;
    String name = "job";
    for (String arg : args) {
      if (arg.startsWith("--exit=")) {
        exit = Integer.parseInt(arg.substring(7));
      } else if (arg.startsWith("--sleep=")) {
        sleep = Long.parseLong(arg.substring(8));
      } else if (arg.startsWith("--name=")) {
        name = arg.substring(7);
      }
    }
    List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
    System.out.println("stand-in job " + name + " args " + List.of(args));
    for (String key : List.of("ECAP_LAKE_PATH", "ECAP_JDBC_URL", "ECAP_SPARK_MASTER", "SPARK_LOCAL_IP")) {
      System.out.println("env " + key + "=" + System.getenv(key));
    }
    System.out.println("add-opens java.base/java.nio: " + jvm.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"));
    System.out.println("heap " + jvm.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElse("default"));
    Path lake = Path.of(System.getenv("ECAP_LAKE_PATH"));
    Files.writeString(lake.resolve("jobs.txt"), name + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    Thread.sleep(sleep);
    if (exit == 2) {
      System.out.println("silver -> gold promotion stopped by 1 critical data-quality rule(s): stand-in failed on 3 of 10 rows");
    }
    System.exit(exit);
  }
}
