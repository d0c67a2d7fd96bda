package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.IntegrationTestRunSpec;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.ProfileSizing;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ResourceQuota and LimitRange of the run's namespace. The quota is what the run's own components
 * request and limit at their peak (infrastructure, services, the largest of seeding, one Spark job
 * and the runner shards, plus Strimzi's operators), with a quarter of headroom; the LimitRange gives
 * pods that name no resources (Spark executors without overrides) the profile's tooling size.
 */
public final class QuotaManifests {

  private static final BigDecimal HEADROOM = new BigDecimal("1.25");
  private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);

  private QuotaManifests() {
  }

  public static ResourceQuota resourceQuota(RunModel model) {
    Totals requests = new Totals();
    Totals limits = new Totals();
    IntegrationTestRunSpec spec = model.spec();
    ProfileSizing sizing = model.sizing();
    add(requests, limits, sizing.resources("kafka", spec.getResources().getKafka()), spec.getKafka().getReplicas());
    add(requests, limits, sizing.resources("tooling", null), 2); // Strimzi's entity operator
    add(requests, limits, sizing.resources("postgres", spec.getResources().getPostgres()), 1);
    add(requests, limits, sizing.resources("redis", spec.getResources().getRedis()), 1);
    ResourceRequirements service = sizing.resources("services", spec.getResources().getServices());
    for (PlatformServiceSpec s : spec.getPlatform().getServices()) {
      add(requests, limits, service, s.getReplicas());
    }
    Totals peakRequests = new Totals();
    Totals peakLimits = new Totals();
    add(peakRequests, peakLimits, sizing.resources("sparkDriver", spec.getResources().getSparkDriver()), 1);
    add(peakRequests, peakLimits, sizing.resources("sparkExecutor", spec.getResources().getSparkExecutor()), spec.getSpark().getExecutors());
    add(peakRequests, peakLimits, sizing.resources("tooling", null), 1);
    Totals runnerRequests = new Totals();
    Totals runnerLimits = new Totals();
    add(runnerRequests, runnerLimits, sizing.resources("testRunner", spec.getResources().getTestRunner()), spec.getTests().getParallelism());
    requests.addMax(peakRequests, runnerRequests);
    limits.addMax(peakLimits, runnerLimits);
    int pods = 10 + spec.getKafka().getReplicas() + spec.getPlatform().getServices().stream().mapToInt(PlatformServiceSpec::getReplicas).sum()
        + spec.getSpark().getExecutors() + spec.getTests().getParallelism();
    return new ResourceQuotaBuilder()
        .withMetadata(model.metadata(Component.QUOTA, RunNames.RESOURCE_QUOTA))
        .withNewSpec()
        .addToHard("requests.cpu", cpu(requests.cpu))
        .addToHard("requests.memory", memory(requests.memory))
        .addToHard("limits.cpu", cpu(limits.cpu))
        .addToHard("limits.memory", memory(limits.memory))
        .addToHard("pods", new Quantity(String.valueOf(pods * 2)))
        .addToHard("persistentvolumeclaims", new Quantity(String.valueOf(claims(spec))))
        .endSpec()
        .build();
  }

  /** One per Kafka node (Strimzi's), PostgreSQL's and the lake's, plus three to spare (the spark-driver Role may create claims). */
  static int claims(IntegrationTestRunSpec spec) {
    return spec.getKafka().getReplicas() + 1 + 1 + 3;
  }

  public static LimitRange limitRange(RunModel model) {
    ResourceRequirements tooling = model.sizing().resources("tooling", null);
    return new LimitRangeBuilder()
        .withMetadata(model.metadata(Component.QUOTA, RunNames.LIMIT_RANGE))
        .withNewSpec()
        .addNewLimit()
        .withType("Container")
        .withDefaultRequest(tooling.getRequests())
        .withDefault(tooling.getLimits())
        .endLimit()
        .endSpec()
        .build();
  }

  private static void add(Totals requests, Totals limits, ResourceRequirements resources, int times) {
    requests.add(resources.getRequests().get("cpu"), resources.getRequests().get("memory"), times);
    limits.add(resources.getLimits().get("cpu"), resources.getLimits().get("memory"), times);
  }

  private static Quantity cpu(BigDecimal cores) {
    BigDecimal millis = cores.multiply(HEADROOM).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING);
    return new Quantity(millis.toPlainString() + "m");
  }

  private static Quantity memory(BigDecimal bytes) {
    BigDecimal mebibytes = bytes.multiply(HEADROOM).divide(MI, 0, RoundingMode.CEILING);
    return new Quantity(mebibytes.toPlainString() + "Mi");
  }

  /** CPU cores and memory bytes summed over components. */
  private static final class Totals {
    private BigDecimal cpu = BigDecimal.ZERO;
    private BigDecimal memory = BigDecimal.ZERO;

    void add(Quantity cpuQuantity, Quantity memoryQuantity, int times) {
      cpu = cpu.add(Quantity.getAmountInBytes(cpuQuantity).multiply(BigDecimal.valueOf(times)));
      memory = memory.add(Quantity.getAmountInBytes(memoryQuantity).multiply(BigDecimal.valueOf(times)));
    }

    void addMax(Totals a, Totals b) {
      cpu = cpu.add(a.cpu.max(b.cpu));
      memory = memory.add(a.memory.max(b.memory));
    }
  }
}
