package io.ecap.testenv.operator.sim;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's mock API server in CRUD mode with the run CRD and Strimzi 1.2's CRDs registered, that
 * answers 404 for {@code kafka.strimzi.io/v1beta2} (Strimzi 1.x serves only v1) and can inject
 * faults: a given status code for the next N requests matching a method and path fragment.
 */
public final class MockCluster implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger injected = new AtomicInteger();

  public MockCluster() {
    KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(new HashMap<>());
    Dispatcher dispatcher = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (path.contains("/apis/kafka.strimzi.io/v1beta2/")) {
          return new MockResponse().setResponseCode(404)
              .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,"
                  + "\"message\":\"the server could not find the requested resource (v1beta2 is not served)\"}");
        }
        for (Fault fault : faults) {
          if (fault.matches(request) && fault.take()) {
            injected.incrementAndGet();
            return new MockResponse().setResponseCode(fault.code).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"code\":" + fault.code + ",\"message\":\"injected fault\",\"reason\":\"" + (fault.code == 409 ? "AlreadyExists" : "InternalError") + "\"}");
          }
        }
        return crud.dispatch(request);
      }
    };
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
    register(client, loadRunCrd());
    for (String file : new String[] {"040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml", "045-Crd-kafkanodepool.yaml"}) {
      register(client, loadFile(SharedFiles.strimziCrds("1.2.0").resolve(file)));
    }
  }

  public KubernetesClient client() {
    return client;
  }

  /** A fresh client to the same server, e.g. for a second operator. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /** The next {@code times} requests with this method whose path contains {@code pathPart} get {@code code}. */
  public void inject(String method, String pathPart, int code, int times) {
    faults.add(new Fault(method, pathPart, code, new AtomicInteger(times)));
  }

  public int injectedFaults() {
    return injected.get();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private static void register(KubernetesClient client, CustomResourceDefinition crd) {
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
  }

  private static CustomResourceDefinition loadRunCrd() {
    try (InputStream in = IntegrationTestRun.class.getResourceAsStream("/META-INF/fabric8/" + IntegrationTestRun.CRD_FILE)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CustomResourceDefinition loadFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Fault(String method, String pathPart, int code, AtomicInteger remaining) {
    boolean matches(RecordedRequest request) {
      return method.equalsIgnoreCase(request.getMethod()) && request.getPath().contains(pathPart) && remaining.get() > 0;
    }

    boolean take() {
      return remaining.getAndDecrement() > 0;
    }
  }

}
