package io.ecap.testenv.operator.api.spec;

/** Patterns of the string formats used in the spec; each one is enforced by the CRD schema. */
public final class Formats {

  /** A Go-style duration as Kubernetes writes them: {@code 90s}, {@code 30m}, {@code 1h30m}. */
  public static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  /** A Kubernetes resource quantity without sign: {@code 500m}, {@code 2}, {@code 1Gi}, {@code 512M}. */
  public static final String QUANTITY = "^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$";

  /** An OCI image reference: optional registry (with port), path, tag and/or digest. */
  public static final String IMAGE =
      "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$";

  /** An RFC 1123 label, as used for names that become parts of Kubernetes object names. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** An RFC 1123 subdomain, as object names such as a StorageClass's are. */
  public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A Kafka topic name. */
  public static final String TOPIC = "^[a-zA-Z0-9._-]+$";

  /** A fully qualified Java class name. */
  public static final String JAVA_CLASS = "^([a-zA-Z_$][a-zA-Z0-9_$]*\\.)*[a-zA-Z_$][a-zA-Z0-9_$]*$";

  /** A C identifier, as environment variable names must be. */
  public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  /** An absolute HTTP path. */
  public static final String HTTP_PATH = "^/[A-Za-z0-9/._~-]*$";

  /** An http(s) URL. */
  public static final String HTTP_URL = "^https?://[^\\s/$.?#][^\\s]*$";

  private Formats() {
  }
}
