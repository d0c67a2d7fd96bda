package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Secret with the environment's generated credentials; every consumer reads it through secretKeyRef. */
public final class CredentialsManifest {

  public static final String POSTGRES_USER = "postgres-user";
  public static final String POSTGRES_PASSWORD = "postgres-password";
  public static final String REDIS_PASSWORD = "redis-password";

  private CredentialsManifest() {
  }

  public static Secret build(RunModel model, Credentials credentials) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(POSTGRES_USER, encode(credentials.postgresUser()));
    data.put(POSTGRES_PASSWORD, encode(credentials.postgresPassword()));
    data.put(REDIS_PASSWORD, encode(credentials.redisPassword()));
    return new SecretBuilder()
        .withMetadata(model.metadata(Component.CREDENTIALS, RunNames.SECRET))
        .withType("Opaque")
        .withImmutable(true)
        .withData(data)
        .build();
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
