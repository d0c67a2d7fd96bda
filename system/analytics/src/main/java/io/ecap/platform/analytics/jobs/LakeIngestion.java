package io.ecap.platform.analytics.jobs;

/**
 * Batch ingestion: landing files (JSON Lines from the generator) into bronze, then silver. Every job refreshes the
 * lake first, so this job is that refresh alone, for runs that want the lake loaded before anything else.
 * Usage: {@code LakeIngestion} (ECAP_LAKE_PATH, ECAP_LANDING_PATH).
 */
public final class LakeIngestion extends LakeJob {

  public LakeIngestion(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new LakeIngestion(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "lake-ingestion";
  }

  @Override
  protected boolean promotesToGold() {
    return false;
  }

  @Override
  protected long run(JobContext context) {
    return context.silverRebuilt().values().stream().mapToLong(Long::longValue).sum();
  }
}
