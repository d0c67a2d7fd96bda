package io.ecap.testenv.operator.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.spec.LakeAccessMode;
import io.ecap.testenv.operator.api.spec.LakeSpec;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each builder called directly, the way Keycloak tests desired(): names, labels, probes, resources, security. */
class ManifestBuildersTest {

  private final RunModel model = Models.of("nightly", spec -> { });

  @Test
  void everyObjectCarriesTheRunsLabelsAndMappingAnnotationsInTheRunNamespace() {
    List<HasMetadata> objects = ManifestPlan.all(model, Credentials.placeholder());
    assertThat(objects).hasSize(25); // 1 service, 2 topics, 1 Spark job: see ManifestPlan
    for (HasMetadata object : objects) {
      assertThat(object.getMetadata().getLabels()).containsEntry(RunLabels.MANAGED_BY, "ecap-operator")
          .containsEntry(RunLabels.RUN, "nightly").containsKey(RunLabels.COMPONENT);
      assertThat(object.getMetadata().getAnnotations()).containsEntry(RunLabels.RUN_NAME_ANNOTATION, "nightly")
          .containsEntry(RunLabels.RUN_NAMESPACE_ANNOTATION, "team-a");
      if (!"Namespace".equals(object.getKind())) {
        assertThat(object.getMetadata().getNamespace()).isEqualTo(model.namespace());
      }
    }
    assertThat(objects.get(0).getKind()).isEqualTo("Namespace");
    assertThat(objects.get(objects.size() - 1).getMetadata().getName()).isEqualTo("test-runner");
  }

  @Test
  void everyPodRunsRestricted() {
    List<PodSpec> pods = List.of(
        PostgresManifests.statefulSet(model).getSpec().getTemplate().getSpec(),
        RedisManifests.statefulSet(model).getSpec().getTemplate().getSpec(),
        PlatformManifests.deployment(model, model.spec().getPlatform().getServices().get(0)).getSpec().getTemplate().getSpec(),
        SeedJobManifest.build(model).getSpec().getTemplate().getSpec(),
        SparkSubmitManifest.build(model, model.spec().getSpark().getJobs().get(0)).getSpec().getTemplate().getSpec(),
        TestRunnerJobManifest.build(model).getSpec().getTemplate().getSpec());
    for (PodSpec pod : pods) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      List<Container> containers = new java.util.ArrayList<>(pod.getContainers());
      containers.addAll(pod.getInitContainers());
      for (Container container : containers) {
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getVolumeMounts()).as("a writable path for a read-only root").isNotEmpty();
      }
    }
  }

  @Test
  void everyPodOfThePlatformImageRunsAsSparksUserSoTheLakeHasOneOwner() {
    List<PodSpec> platformImage = List.of(
        PlatformManifests.deployment(model, model.spec().getPlatform().getServices().get(0)).getSpec().getTemplate().getSpec(),
        SeedJobManifest.build(model).getSpec().getTemplate().getSpec(),
        SparkSubmitManifest.build(model, model.spec().getSpark().getJobs().get(0)).getSpec().getTemplate().getSpec());
    for (PodSpec pod : platformImage) {
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
      assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(185L);
      assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(185L);
    }
    assertThat(TestRunnerJobManifest.build(model).getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
        .as("the runner image's own user; it only reads the lake").isEqualTo(10001L);
  }

  @Test
  void postgresHasAPgIsReadyProbeAVolumeAndAHeadlessService() {
    StatefulSet set = PostgresManifests.statefulSet(model);
    Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getReadinessProbe().getExec().getCommand()).last().asString().contains("pg_isready");
    assertThat(container.getImage()).isEqualTo("postgres:16");
    assertThat(set.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
    assertThat(set.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(set.getSpec().getSelector().getMatchLabels());
    assertThat(PostgresManifests.service(model).getSpec().getClusterIP()).isEqualTo("None");
    assertThat(set.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(999L);
  }

  @Test
  void redisTakesItsPasswordFromTheSecretAndHasAPingProbe() {
    Container container = RedisManifests.statefulSet(model).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs()).containsSequence("--requirepass", "$(REDIS_PASSWORD)");
    assertThat(container.getEnv().get(0).getValueFrom().getSecretKeyRef().getName()).isEqualTo("environment-credentials");
    assertThat(container.getReadinessProbe().getExec().getCommand()).last().asString().contains("ping");
  }

  @Test
  void platformServiceGetsItsArgsEndpointsAndReadinessProbe() {
    Deployment deployment = PlatformManifests.deployment(model, model.spec().getPlatform().getServices().get(0));
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(deployment.getMetadata().getName()).isEqualTo("api");
    assertThat(container.getImage()).isEqualTo("ecap/platform:0.1.0");
    assertThat(container.getArgs()).containsExactly("--service", "api");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    Map<String, EnvVar> env = byName(container.getEnv());
    assertThat(env.get("ECAP_KAFKA_BOOTSTRAP").getValue()).isEqualTo("kafka-kafka-bootstrap:9092");
    assertThat(env.get("ECAP_JDBC_URL").getValue()).isEqualTo("jdbc:postgresql://postgres:5432/ecap");
    assertThat(env.get("ECAP_JDBC_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("postgres-password");
    assertThat(env.get("ECAP_REDIS_URL").getValue()).isEqualTo("redis://:$(ECAP_REDIS_PASSWORD)@redis:6379");
    assertThat(env.get("ECAP_HTTP_PORT").getValue()).isEqualTo("8080");
    assertThat(env.get("ECAP_FAULT_INJECTION").getValue()).isEqualTo("true");
    assertThat(env.get("ECAP_LOG_ACCESS").getValue()).isEqualTo("true");
    assertThat(indexOf(container.getEnv(), "ECAP_REDIS_PASSWORD")).isLessThan(indexOf(container.getEnv(), "ECAP_REDIS_URL"));
    assertThat(env.get("ECAP_LAKE_PATH").getValue()).isEqualTo("/lake");
    assertLakeMounted(deployment.getSpec().getTemplate().getSpec(), container, false);
  }

  @Test
  void seedJobMigratesThenSeedsTheProfileIntoPostgresAndTheLake() {
    Job job = SeedJobManifest.build(model);
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers().get(0).getArgs()).containsExactly("--migrate");
    assertThat(pod.getInitContainers().get(0).getVolumeMounts()).extracting(VolumeMount::getName).doesNotContain("lake");
    Container seed = pod.getContainers().get(0);
    assertThat(seed.getArgs()).containsExactly("--seed", "--profile", "small", "--lake-path", "/lake");
    assertThat(byName(seed.getEnv()).get("ECAP_LAKE_PATH").getValue()).isEqualTo("/lake");
    assertLakeMounted(pod, seed, false);
  }

  @Test
  void lakeClaimFollowsTheSpecAndItsDefaults() {
    PersistentVolumeClaim claim = LakeManifests.claim(model);
    assertThat(claim.getMetadata().getName()).isEqualTo("lake");
    assertThat(claim.getMetadata().getLabels()).containsEntry(RunLabels.COMPONENT, "lake");
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(claim.getSpec().getResources().getRequests()).containsExactly(Map.entry("storage", new Quantity("5Gi")));
    assertThat(claim.getSpec().getStorageClassName()).as("the cluster's default class").isNull();

    RunModel shared = Models.of("shared", spec -> {
      LakeSpec lake = new LakeSpec();
      lake.setStorage("20Gi");
      lake.setStorageClassName("nfs-client");
      lake.setAccessMode(LakeAccessMode.ReadWriteMany);
      spec.setLake(lake);
    });
    PersistentVolumeClaim custom = LakeManifests.claim(shared);
    assertThat(custom.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    assertThat(custom.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("20Gi"));
    assertThat(custom.getSpec().getStorageClassName()).isEqualTo("nfs-client");
  }

  @Test
  void sparkSubmitterRunsClusterModeWithADeterministicDriver() {
    Job job = SparkSubmitManifest.build(model, model.spec().getSpark().getJobs().get(0));
    Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(job.getMetadata().getName()).isEqualTo("spark-rfm-submit");
    assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("spark-driver");
    assertThat(container.getCommand()).containsExactly("spark-submit");
    List<String> args = container.getArgs();
    assertThat(args).containsSequence("--master", "k8s://https://kubernetes.default.svc", "--deploy-mode", "cluster")
        .containsSequence("--class", "io.ecap.platform.analytics.jobs.RfmSegmentation")
        .contains("spark.kubernetes.namespace=" + model.namespace(),
            "spark.kubernetes.authenticate.driver.serviceAccountName=spark-driver",
            "spark.kubernetes.container.image=ecap/platform:0.1.0",
            "spark.executor.instances=1",
            "spark.kubernetes.driver.pod.name=spark-rfm-driver",
            "spark.driver.memory=1024m",
            "spark.kubernetes.driver.label.testing.ecap.io/run=nightly",
            "spark.kubernetes.driver.annotation.testing.ecap.io/run-name=nightly");
    assertThat(args.get(args.size() - 1)).isEqualTo("local:///app/spark-jobs.jar");
  }

  @Test
  void sparkDriverAndExecutorsMountTheLakeWithItsPathInTheirEnvironment() {
    List<String> args = SparkSubmitManifest.arguments(model, model.spec().getSpark().getJobs().get(0));
    // The keys of Spark 4.0's running-on-kubernetes: volumes.[VolumeType].[VolumeName].{mount.*,options.*}, driverEnv, executorEnv.
    List<String> expected = List.of(
        "spark.kubernetes.driver.volumes.persistentVolumeClaim.lake.options.claimName=lake",
        "spark.kubernetes.driver.volumes.persistentVolumeClaim.lake.mount.path=/lake",
        "spark.kubernetes.driver.volumes.persistentVolumeClaim.lake.mount.readOnly=false",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.lake.options.claimName=lake",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.lake.mount.path=/lake",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.lake.mount.readOnly=false",
        "spark.kubernetes.driverEnv.ECAP_LAKE_PATH=/lake",
        "spark.executorEnv.ECAP_LAKE_PATH=/lake");
    for (String setting : expected) {
      assertThat(args).contains(setting);
      assertThat(args.get(args.indexOf(setting) - 1)).as("%s is a --conf", setting).isEqualTo("--conf");
    }
  }

  @Test
  void runnerIsAnIndexedJobWithTheFullContract() {
    Job job = TestRunnerJobManifest.build(model);
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
    assertThat(job.getSpec().getCompletions()).isEqualTo(2);
    assertThat(job.getSpec().getParallelism()).isEqualTo(2);
    assertThat(job.getSpec().getBackoffLimitPerIndex()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(30 * 60 + 120);
    Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ecap/test-runner:0.1.0");
    assertThat(container.getCommand()).isEmpty();
    Map<String, EnvVar> env = byName(container.getEnv());
    assertThat(env.get("ECAP_RUN_ID").getValue()).isEqualTo("nightly");
    assertThat(env.get("ECAP_SHARD_TOTAL").getValue()).isEqualTo("2");
    assertThat(env.get("ECAP_SUITES").getValue()).isEqualTo("api,streaming");
    assertThat(env.get("ECAP_RETRIES").getValue()).isEqualTo("1");
    assertThat(env.get("ECAP_TIMEOUT").getValue()).isEqualTo("30m");
    assertThat(env.get("ECAP_PROFILE").getValue()).isEqualTo("small");
    assertThat(env.get("ECAP_API_URL").getValue()).isEqualTo("http://api:8080");
    assertThat(env.get("ECAP_SERVICE_API_URL").getValue()).isEqualTo("http://api:8080");
    assertThat(env).containsKeys("ECAP_KAFKA_BOOTSTRAP", "ECAP_JDBC_URL", "ECAP_JDBC_USER", "ECAP_JDBC_PASSWORD", "ECAP_REDIS_URL");
    assertThat(env).doesNotContainKey("ECAP_PUSHGATEWAY_URL");
    assertThat(env.get("ECAP_NAMESPACE").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
    assertThat(env.get("ECAP_WEBHOOK_SINK_HOST").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
    assertThat(env.get("ECAP_SHARD_INDEX").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    assertThat(env.get("ECAP_RESULTS_CONFIGMAP").getValue()).isEqualTo("test-results-shard-$(ECAP_SHARD_INDEX)");
    assertThat(indexOf(container.getEnv(), "ECAP_SHARD_INDEX")).isLessThan(indexOf(container.getEnv(), "ECAP_RESULTS_CONFIGMAP"));
    assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("test-runner");
    assertThat(env.get("ECAP_LAKE_PATH").getValue()).isEqualTo("/lake");
    assertLakeMounted(job.getSpec().getTemplate().getSpec(), container, true);
  }

  @Test
  void serviceUrlsAndPushgatewayFollowTheSpecAndTheOperatorDefault() {
    Properties properties = new Properties();
    properties.setProperty("ECAP_PUSHGATEWAY_URL", "http://pushgateway.monitoring:9091");
    RunModel withDefault = Models.of("push", spec -> spec.getPlatform().getServices().get(0).setName("order-api"),
        OperatorSettings.from(Map.of(), properties));
    Map<String, EnvVar> env = byName(TestRunnerJobManifest.env(withDefault));
    assertThat(env.get("ECAP_PUSHGATEWAY_URL").getValue()).isEqualTo("http://pushgateway.monitoring:9091");
    assertThat(env.get("ECAP_SERVICE_ORDER_API_URL").getValue()).isEqualTo("http://order-api:8080");
    assertThat(env).doesNotContainKey("ECAP_API_URL");
    NetworkPolicy policy = NetworkPolicyManifest.build(withDefault);
    assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9091)));
  }

  @Test
  void networkPolicyDeniesByDefaultAndAllowsTheNamespaceAndTheOperator() {
    NetworkPolicy policy = NetworkPolicyManifest.build(model);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> assertThat(rule.getFrom().get(0).getNamespaceSelector())
        .isNotNull().satisfies(selector -> assertThat(selector.getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "ecap-system")));
  }

  @Test
  void quotaCoversTheComponentsAndGrowsWithTheProfile() {
    var small = QuotaManifests.resourceQuota(model).getSpec().getHard();
    var large = QuotaManifests.resourceQuota(Models.of("large", spec -> spec.setProfile(io.ecap.testenv.operator.api.spec.Profile.LARGE))).getSpec().getHard();
    assertThat(Quantity.getAmountInBytes(small.get("requests.cpu"))).isGreaterThan(new java.math.BigDecimal("1.5"));
    assertThat(Quantity.getAmountInBytes(large.get("limits.memory"))).isGreaterThan(Quantity.getAmountInBytes(small.get("limits.memory")));
    assertThat(QuotaManifests.limitRange(model).getSpec().getLimits().get(0).getDefault()).containsKeys("cpu", "memory");
    // one Kafka node, PostgreSQL, the lake, three to spare
    assertThat(small.get("persistentvolumeclaims")).isEqualTo(new Quantity("6"));
  }

  @Test
  void rolesStayInsideTheRunNamespace() {
    List<Role> roles = RbacManifests.roles(model);
    assertThat(roles).extracting(r -> r.getMetadata().getName()).containsExactly("spark-driver", "test-runner");
    assertThat(roles.get(1).getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getResources()).containsExactly("configmaps");
      assertThat(rule.getVerbs()).containsExactly("create", "get", "update");
    });
    assertThat(RbacManifests.roleBindings(model).get(0).getSubjects().get(0).getNamespace()).isEqualTo(model.namespace());
  }

  @Test
  void operatorDefaultImageReplacesOnlyTheCrdDefault() {
    Properties properties = new Properties();
    properties.setProperty("ECAP_PLATFORM_IMAGE", "registry.local/ecap/platform:0.1.0");
    OperatorSettings settings = OperatorSettings.from(Map.of(), properties);
    assertThat(Models.of("a", spec -> { }, settings).platformImage()).isEqualTo("registry.local/ecap/platform:0.1.0");
    assertThat(Models.of("b", spec -> spec.getPlatform().setImage("team/own:1"), settings).platformImage()).isEqualTo("team/own:1");
  }

  @Test
  void secretHoldsGeneratedCredentials() {
    var secret = CredentialsManifest.build(model, Credentials.generate());
    assertThat(secret.getData()).containsKeys("postgres-user", "postgres-password", "redis-password");
    assertThat(secret.getImmutable()).isTrue();
    assertThat(Credentials.generate().postgresPassword()).isNotEqualTo(Credentials.generate().postgresPassword()).hasSize(24);
  }

  private static void assertLakeMounted(PodSpec pod, Container container, boolean readOnly) {
    assertThat(pod.getVolumes()).filteredOn(v -> "lake".equals(v.getName())).singleElement().satisfies(volume -> {
      assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("lake");
      assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isEqualTo(readOnly);
    });
    assertThat(container.getVolumeMounts()).filteredOn(m -> "lake".equals(m.getName())).singleElement().satisfies(mount -> {
      assertThat(mount.getMountPath()).isEqualTo("/lake");
      assertThat(mount.getReadOnly()).isEqualTo(readOnly);
    });
  }

  private static Map<String, EnvVar> byName(List<EnvVar> env) {
    return env.stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
  }

  private static int indexOf(List<EnvVar> env, String name) {
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
