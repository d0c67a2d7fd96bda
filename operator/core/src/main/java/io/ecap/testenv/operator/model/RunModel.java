package io.ecap.testenv.operator.model;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.IntegrationTestRunSpec;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * One run as the manifest builders see it: the effective spec (schema defaults applied, operator
 * default images resolved), the generated names and the operator settings. Immutable; builders are
 * pure functions of it.
 */
public record RunModel(
    String runName,
    String runNamespace,
    String runUid,
    IntegrationTestRunSpec spec,
    RunNames names,
    OperatorSettings settings,
    String platformImage,
    String sparkImage,
    String testRunnerImage) {

  public String namespace() {
    return names.namespace();
  }

  public ProfileSizing sizing() {
    return new ProfileSizing(spec.getProfile());
  }

  public Map<String, String> labels(String component, String name) {
    return RunLabels.labels(names.runLabel(), component, name);
  }

  public Map<String, String> annotations() {
    return RunLabels.annotations(runName, runNamespace);
  }

  /** Metadata of an object in the run's namespace. */
  public ObjectMeta metadata(String component, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace())
        .withLabels(labels(component, name))
        .withAnnotations(annotations())
        .build();
  }

  /** The spec's Pushgateway, else the operator's; empty when neither names one. */
  public Optional<String> pushgatewayUrl() {
    String fromSpec = spec.getMetrics() == null ? null : spec.getMetrics().getPushgatewayUrl();
    if (fromSpec != null && !fromSpec.isBlank()) {
      return Optional.of(fromSpec);
    }
    return Optional.ofNullable(settings.pushgatewayUrl()).filter(url -> !url.isBlank());
  }

  public String serviceImage(PlatformServiceSpec service) {
    return service.getImage() != null ? service.getImage() : platformImage;
  }

  /** The platform service tests reach as ECAP_API_URL, when the spec has one named {@code api}. */
  public Optional<PlatformServiceSpec> apiService() {
    return spec.getPlatform().getServices().stream().filter(s -> "api".equals(s.getName())).findFirst();
  }

  public static RunModel of(IntegrationTestRun run, IntegrationTestRunSpec effective, OperatorSettings settings,
      String platformImage, String sparkImage, String testRunnerImage) {
    return new RunModel(run.getMetadata().getName(), run.getMetadata().getNamespace(), run.getMetadata().getUid(),
        effective, new RunNames(run.getMetadata().getName(), run.getMetadata().getUid()), settings, platformImage,
        sparkImage, testRunnerImage);
  }
}
