package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The infrastructure endpoints every workload of a run receives (platform services, seeding job,
 * test runner): Kafka bootstrap, JDBC URL and credentials, Redis URL. Passwords come from the
 * Secret; the Redis URL embeds its password through Kubernetes' $(VAR) expansion.
 */
public final class EndpointEnv {

  public static final int POSTGRES_PORT = 5432;
  public static final int REDIS_PORT = 6379;

  private EndpointEnv() {
  }

  public static List<EnvVar> infrastructure(RunModel model) {
    List<EnvVar> env = new ArrayList<>();
    env.add(plain("ECAP_KAFKA_BOOTSTRAP", RunNames.kafkaBootstrap()));
    env.add(plain("ECAP_JDBC_URL", jdbcUrl(model)));
    env.add(secret("ECAP_JDBC_USER", CredentialsManifest.POSTGRES_USER));
    env.add(secret("ECAP_JDBC_PASSWORD", CredentialsManifest.POSTGRES_PASSWORD));
    env.add(secret("ECAP_REDIS_PASSWORD", CredentialsManifest.REDIS_PASSWORD));
    env.add(plain("ECAP_REDIS_URL", "redis://:$(ECAP_REDIS_PASSWORD)@" + RunNames.REDIS + ":" + REDIS_PORT));
    return env;
  }

  public static String jdbcUrl(RunModel model) {
    return "jdbc:postgresql://" + RunNames.POSTGRES + ":" + POSTGRES_PORT + "/" + model.spec().getPostgres().getDatabase();
  }

  public static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  public static EnvVar secret(String name, String key) {
    return new EnvVarBuilder().withName(name)
        .withNewValueFrom().withNewSecretKeyRef().withName(RunNames.SECRET).withKey(key).endSecretKeyRef().endValueFrom()
        .build();
  }

  public static EnvVar field(String name, String fieldPath) {
    return new EnvVarBuilder().withName(name)
        .withNewValueFrom().withNewFieldRef().withFieldPath(fieldPath).endFieldRef().endValueFrom()
        .build();
  }
}
