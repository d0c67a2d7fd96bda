package io.ecap.platform.analytics;

import io.ecap.platform.analytics.jobs.LakeIngestion;
import io.ecap.platform.analytics.jobs.LakeJob;
import io.ecap.platform.core.generator.Dataset;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated dataset, landed and ingested once, that the read-only test classes share: a lake refresh costs tens
 * of seconds on two cores, so classes that only read silver and write gold use this one. Classes that change the
 * lake's input (defects, redeliveries) make their own {@link TestLake}.
 */
public final class SharedLake {

  public static final long SEED = 31;
  public static final DatasetProfile PROFILE = DatasetProfile.of(400, 80, 3_000).withFraudShare(0.05);

  private static TestLake lake;
  private static DatasetSummary summary;

  private SharedLake() {
  }

  public static synchronized TestLake get() {
    if (lake == null) {
      try {
        Path root = Files.createTempDirectory("ecap-shared-lake");
        lake = new TestLake(root);
        summary = lake.land(PROFILE, SEED);
        if (new LakeIngestion(lake.environment()).execute() != LakeJob.EXIT_OK) {
          throw new IllegalStateException("ingesting the shared test dataset failed (see the log)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            lake.close();
          } catch (IOException e) {
            // the JVM is exiting; nothing left to clean
          }
        }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lake;
  }

  public static DatasetSummary summary() {
    get();
    return summary;
  }

  /** The same dataset in memory (the generator is deterministic). */
  public static Dataset dataset() {
    return new ECommerceDataGenerator(SEED, PROFILE).generate();
  }
}
