package io.ecap.testenv.operator.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.IntegrationTestRunSpec;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.api.spec.PlatformSpec;
import io.ecap.testenv.operator.api.spec.TestsSpec;
import io.ecap.testenv.operator.api.validation.RunValidator;
import io.ecap.testenv.operator.api.validation.ValidationError;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.naming.RunNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a run into its {@link RunModel}: validates it with the same checks as `make validate`
 * (schema, CEL rules, semantic checks), applies the schema's defaults (the API server does on a
 * cluster; the mock server and files do not), then checks what only the operator knows. Cached per
 * uid and generation: the spec is immutable except for teardown and metrics, which bump the generation.
 */
public final class RunModels {

  /** Object names the environment itself uses; a platform service must not take one. */
  private static final Set<String> RESERVED = Set.of(RunNames.POSTGRES, RunNames.REDIS, RunNames.KAFKA,
      RunNames.KAFKA + "-kafka-bootstrap", RunNames.KAFKA + "-kafka-brokers");

  // nulls are fields the user left out: absent for the schema's defaults, not JSON null
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final RunValidator validator;
  private final OperatorSettings settings;
  private final Map<String, Object> cache = new ConcurrentHashMap<>();

  public RunModels(RunValidator validator, OperatorSettings settings) {
    this.validator = validator;
    this.settings = settings;
  }

  public OperatorSettings settings() {
    return settings;
  }

  /** @throws InvalidSpecException naming every field at fault */
  public RunModel of(IntegrationTestRun run) {
    String key = run.getMetadata().getUid() + "/" + run.getMetadata().getGeneration() + "/" + run.getMetadata().getName();
    Object cached = cache.computeIfAbsent(key, k -> build(run));
    if (cached instanceof InvalidSpecException invalid) {
      throw invalid;
    }
    return (RunModel) cached;
  }

  /** Drops a run's cached model (it was deleted). */
  public void forget(IntegrationTestRun run) {
    cache.keySet().removeIf(key -> key.startsWith(run.getMetadata().getUid() + "/"));
  }

  private Object build(IntegrationTestRun run) {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("apiVersion", IntegrationTestRun.API_VERSION);
    resource.put("kind", IntegrationTestRun.KIND);
    ObjectNode metadata = resource.putObject("metadata");
    metadata.put("name", run.getMetadata().getName());
    if (run.getMetadata().getNamespace() != null) {
      metadata.put("namespace", run.getMetadata().getNamespace());
    }
    resource.set("spec", run.getSpec() == null ? JSON.createObjectNode() : JSON.valueToTree(run.getSpec()));
    RunValidator.Result result = validator.validate(resource);
    List<ValidationError> errors = new ArrayList<>(result.errors());
    if (!errors.isEmpty()) {
      return new InvalidSpecException(errors);
    }
    IntegrationTestRunSpec spec = JSON.convertValue(result.defaulted().path("spec"), IntegrationTestRunSpec.class);
    errors.addAll(operatorChecks(spec));
    if (!errors.isEmpty()) {
      return new InvalidSpecException(errors);
    }
    return RunModel.of(run, spec, settings,
        image(spec.getPlatform().getImage(), PlatformSpec.DEFAULT_IMAGE, settings.platformImage()),
        image(spec.getSpark().getImage(), PlatformSpec.DEFAULT_IMAGE, settings.sparkImage()),
        image(spec.getTests().getImage(), TestsSpec.DEFAULT_IMAGE, settings.testRunnerImage()));
  }

  private static List<ValidationError> operatorChecks(IntegrationTestRunSpec spec) {
    List<ValidationError> errors = new ArrayList<>();
    List<PlatformServiceSpec> services = spec.getPlatform().getServices();
    for (int i = 0; i < services.size(); i++) {
      if (RESERVED.contains(services.get(i).getName())) {
        errors.add(new ValidationError("spec.platform.services[" + i + "].name",
            "'" + services.get(i).getName() + "' is the name of an infrastructure service of the environment; choose another"));
      }
    }
    return errors;
  }

  /** The operator's default image replaces the CRD's default only where the run kept that default. */
  static String image(String fromSpec, String crdDefault, String operatorDefault) {
    if (crdDefault.equals(fromSpec) && operatorDefault != null && !operatorDefault.isBlank()) {
      return operatorDefault;
    }
    return fromSpec;
  }
}
