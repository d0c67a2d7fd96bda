package io.ecap.platform.analytics.lake;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the lake lives and where raw files land. {@code ECAP_LAKE_PATH} is a local directory in embedded mode and
 * a PVC mount or object-store URI ({@code s3a://...}) in a cluster; {@code ECAP_LANDING_PATH} defaults to
 * {@code <lake>/landing}. {@code ECAP_KAFKA_BOOTSTRAP} enables the streaming ingestion.
 */
public record LakeConfig(String root, String landing, String kafkaBootstrap) {

  public static LakeConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static LakeConfig from(Map<String, String> env) {
    String root = env.getOrDefault("ECAP_LAKE_PATH", Path.of(System.getProperty("java.io.tmpdir"), "ecap-lake").toString());
    String landing = env.getOrDefault("ECAP_LANDING_PATH", root + "/landing");
    return new LakeConfig(strip(root), strip(landing), env.get("ECAP_KAFKA_BOOTSTRAP"));
  }

  public static LakeConfig local(Path root) {
    return new LakeConfig(root.toString(), root.resolve("landing").toString(), null);
  }

  private static String strip(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  public String table(Layer layer, String name) {
    return root + "/" + layer.directory() + "/" + name;
  }

  public String checkpoint(String name) {
    return root + "/_checkpoints/" + name;
  }

  public String models() {
    return root + "/models";
  }
}
