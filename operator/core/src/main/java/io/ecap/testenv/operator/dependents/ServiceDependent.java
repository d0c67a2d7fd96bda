package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.manifests.PlatformManifests;
import io.ecap.testenv.operator.manifests.PostgresManifests;
import io.ecap.testenv.operator.manifests.RedisManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;

/** Every Service of the environment: PostgreSQL (headless), Redis and each platform service. */
public class ServiceDependent extends BulkRunDependent<Service> {

  public ServiceDependent(RunModels models) {
    super(Service.class, Component.SERVICE, models);
  }

  @Override
  protected List<Service> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    List<Service> services = new ArrayList<>();
    services.add(PostgresManifests.service(model));
    services.add(RedisManifests.service(model));
    for (PlatformServiceSpec service : model.spec().getPlatform().getServices()) {
      services.add(PlatformManifests.service(model, service));
    }
    return services;
  }
}
