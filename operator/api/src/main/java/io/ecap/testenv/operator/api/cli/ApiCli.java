package io.ecap.testenv.operator.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the API module's jar: {@code java -jar operator-api-cli.jar validate FILE...}. */
@Command(name = "ecap-itr", mixinStandardHelpOptions = true, subcommands = ValidateCommand.class,
    description = "Tools for IntegrationTestRun resources.")
public final class ApiCli {

  public static void main(String[] args) {
    System.exit(new CommandLine(new ApiCli()).execute(args));
  }
}
