package io.ecap.testrunner;

import io.ecap.testrunner.embedded.EmbeddedLauncher;
import io.ecap.testrunner.launch.ShardCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar test-runner-<version>-launcher.jar run FILE} runs an IntegrationTestRun embedded
 * ({@code make run}); {@code ... shard} runs one shard from its ECAP_* environment (a runner pod's
 * entrypoint in a cluster).
 */
public final class RunnerMain {

  private RunnerMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 2 && "run".equals(args[0])) {
      return EmbeddedLauncher.fromEnvironment(env, out, err).run(Path.of(args[1]));
    }
    if (args.length == 1 && "shard".equals(args[0])) {
      return new ShardCommand().run(env, out, err);
    }
    err.println("""
        usage: java -jar test-runner-launcher.jar run FILE   run an IntegrationTestRun embedded (make run)
               java -jar test-runner-launcher.jar shard      run one shard configured by ECAP_* variables""");
    return 2;
  }
}
