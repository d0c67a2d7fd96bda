package io.ecap.platform.core.sparkjobs;

/** A stand-in job for the launcher test: prints its environment and arguments, then exits or hangs as told. */
public final class EchoJob {

  private EchoJob() {
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("lake=" + System.getenv("ECAP_LAKE_PATH") + " ip=" + System.getenv("SPARK_LOCAL_IP")
        + " args=" + String.join(",", args) + " home=" + System.getenv("HOME") + " pid=" + ProcessHandle.current().pid());
    if (args.length > 0 && args[0].equals("hang")) {
      Thread.sleep(60_000);
    }
    System.exit(args.length > 0 && args[0].startsWith("exit=") ? Integer.parseInt(args[0].substring(5)) : 0);
  }
}
