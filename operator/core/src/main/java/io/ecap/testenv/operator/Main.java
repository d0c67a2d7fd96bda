package io.ecap.testenv.operator;

import io.ecap.testenv.operator.cli.RenderCommand;
import io.ecap.testenv.operator.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar operator-core.jar [run]} starts the operator; {@code render FILE} previews a run's manifests. */
@Command(name = "ecap-operator", mixinStandardHelpOptions = true, subcommands = {RunCommand.class, RenderCommand.class},
    description = "The ECAP Test Environments operator.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"run"} : args;
    System.exit(new CommandLine(new Main()).execute(effective));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
