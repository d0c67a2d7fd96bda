package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Isolates the run: default deny both ways, then allow traffic within the namespace, from the
 * operator's (and Prometheus') namespace, DNS, the Kubernetes API (Spark drivers create executors)
 * and the Pushgateway's port.
 */
public final class NetworkPolicyManifest {

  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private NetworkPolicyManifest() {
  }

  public static NetworkPolicy build(RunModel model) {
    List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
    ingress.add(new NetworkPolicyIngressRuleBuilder().addNewFrom().withNewPodSelector().endPodSelector().endFrom().build());
    ingress.add(fromNamespace(model.settings().operatorNamespace()));
    if (!model.settings().prometheusNamespace().isBlank()) {
      ingress.add(fromNamespace(model.settings().prometheusNamespace()));
    }
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewPodSelector().endPodSelector().endTo().build());
    egress.add(new NetworkPolicyEgressRuleBuilder()
        .addNewTo().withNewNamespaceSelector().endNamespaceSelector().endTo()
        .addNewPort().withProtocol("UDP").withPort(new IntOrString(53)).endPort()
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(53)).endPort()
        .build());
    egress.add(new NetworkPolicyEgressRuleBuilder()
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(443)).endPort()
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(6443)).endPort()
        .build());
    model.pushgatewayUrl().map(NetworkPolicyManifest::port).ifPresent(port -> egress.add(new NetworkPolicyEgressRuleBuilder()
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort().build()));
    return new NetworkPolicyBuilder()
        .withMetadata(model.metadata(Component.ISOLATION, RunNames.NETWORK_POLICY))
        .withNewSpec()
        .withNewPodSelector().endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .withIngress(ingress)
        .withEgress(egress)
        .endSpec()
        .build();
  }

  private static NetworkPolicyIngressRule fromNamespace(String namespace) {
    return new NetworkPolicyIngressRuleBuilder()
        .addNewFrom().withNewNamespaceSelector().addToMatchLabels(NAMESPACE_NAME_LABEL, namespace).endNamespaceSelector().endFrom()
        .build();
  }

  static int port(String url) {
    URI uri = URI.create(url);
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
