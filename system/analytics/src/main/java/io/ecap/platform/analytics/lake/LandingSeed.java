package io.ecap.platform.analytics.lake;

import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import java.nio.file.Path;

/**
 * Writes a generated dataset into the landing directory (ECAP_LANDING_PATH, default {@code <ECAP_LAKE_PATH>/landing})
 * as JSON Lines: what the seeding step does for the lake, for running the jobs by hand.
 * Usage: {@code LandingSeed [small|medium|large] [seed]}.
 */
public final class LandingSeed {

  private LandingSeed() {
  }

  public static void main(String[] args) {
    DatasetProfile profile = DatasetProfile.named(args.length > 0 ? args[0] : "small");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    String landing = LakeConfig.fromEnvironment().landing();
    DatasetSummary summary = new ECommerceDataGenerator(seed, profile).generate(new JsonLinesDatasetWriter(Path.of(landing)));
    System.out.println("landed " + summary.orders() + " orders, " + summary.customers() + " customers, "
        + summary.clicks() + " clickstream events (" + profile.name() + ", seed " + seed + ") in " + landing);
  }
}
