package io.ecap.testenv.operator.model;

import io.ecap.testenv.operator.api.spec.ComponentResourcesSpec;
import io.ecap.testenv.operator.api.spec.Profile;
import io.ecap.testenv.operator.api.spec.ResourceListSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests and limits per component: the profile's sizing, overridden field by field by
 * spec.resources. Small fits a 2-core laptop; medium and large double and quadruple it.
 */
public final class ProfileSizing {

  /** Base (small) sizing: request cpu, request memory, limit cpu, limit memory. */
  private static final Map<String, String[]> SMALL = Map.of(
      "kafka", new String[] {"250m", "1Gi", "1", "2Gi"},
      "postgres", new String[] {"250m", "512Mi", "1", "1Gi"},
      "redis", new String[] {"100m", "128Mi", "500m", "256Mi"},
      "services", new String[] {"250m", "512Mi", "1", "1Gi"},
      "sparkDriver", new String[] {"250m", "1Gi", "1", "2Gi"},
      "sparkExecutor", new String[] {"250m", "1Gi", "1", "2Gi"},
      "testRunner", new String[] {"250m", "512Mi", "1", "1Gi"},
      "tooling", new String[] {"100m", "256Mi", "500m", "512Mi"});

  private final int factor;

  public ProfileSizing(Profile profile) {
    this.factor = switch (profile == null ? Profile.SMALL : profile) {
      case SMALL -> 1;
      case MEDIUM -> 2;
      case LARGE -> 4;
    };
  }

  public int factor() {
    return factor;
  }

  /** The component's resources; {@code override} (from spec.resources) wins field by field. */
  public ResourceRequirements resources(String component, ComponentResourcesSpec override) {
    String[] base = SMALL.get(component);
    if (base == null) {
      throw new IllegalArgumentException("no sizing for component " + component);
    }
    ResourceListSpec requests = override == null ? null : override.getRequests();
    ResourceListSpec limits = override == null ? null : override.getLimits();
    return new ResourceRequirementsBuilder()
        .withRequests(list(pick(requests == null ? null : requests.getCpu(), scale(base[0])),
            pick(requests == null ? null : requests.getMemory(), scale(base[1]))))
        .withLimits(list(pick(limits == null ? null : limits.getCpu(), scale(base[2])),
            pick(limits == null ? null : limits.getMemory(), scale(base[3]))))
        .build();
  }

  private String scale(String quantity) {
    if (factor == 1) {
      return quantity;
    }
    Quantity q = new Quantity(quantity);
    String format = q.getFormat() == null ? "" : q.getFormat();
    java.math.BigDecimal amount = new java.math.BigDecimal(q.getAmount()).multiply(java.math.BigDecimal.valueOf(factor));
    return amount.stripTrailingZeros().toPlainString() + format;
  }

  private static String pick(String override, String fallback) {
    return override != null ? override : fallback;
  }

  private static Map<String, Quantity> list(String cpu, String memory) {
    Map<String, Quantity> list = new LinkedHashMap<>();
    list.put("cpu", new Quantity(cpu));
    list.put("memory", new Quantity(memory));
    return list;
  }
}
