package io.ecap.testenv.operator.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels and annotations every object of a run carries: how the operator finds and maps them back. */
public final class RunLabels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "ecap-operator";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String PART_OF_VALUE = "ecap-test-environment";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String NAME = "app.kubernetes.io/name";
  public static final String RUN = "testing.ecap.io/run";
  public static final String RUN_NAMESPACE = "testing.ecap.io/run-namespace";
  public static final String RUN_UID = "testing.ecap.io/run-uid";
  public static final String SHARD = "testing.ecap.io/shard";
  /** Annotations that map any object (and the pods made from templates) back to its run: names may exceed label limits. */
  public static final String RUN_NAME_ANNOTATION = "testing.ecap.io/run-name";
  public static final String RUN_NAMESPACE_ANNOTATION = "testing.ecap.io/run-namespace";

  /** Selector of everything the operator manages; each informer adds its component. */
  public static String selector(String component) {
    return MANAGED_BY + "=" + MANAGED_BY_VALUE + "," + COMPONENT + "=" + component;
  }

  private RunLabels() {
  }

  static Map<String, String> labels(String runLabel, String component, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    labels.put(PART_OF, PART_OF_VALUE);
    labels.put(COMPONENT, component);
    labels.put(NAME, name);
    labels.put(RUN, runLabel);
    return labels;
  }

  static Map<String, String> annotations(String runName, String runNamespace) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(RUN_NAME_ANNOTATION, runName);
    annotations.put(RUN_NAMESPACE_ANNOTATION, runNamespace);
    return annotations;
  }
}
