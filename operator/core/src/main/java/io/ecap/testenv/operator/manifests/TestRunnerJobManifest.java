package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.api.spec.TestsSpec;
import io.ecap.testenv.operator.api.validation.GoDuration;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The test runner: an Indexed Job with one pod per shard ({@code completions = parallelism}).
 * A failing shard does not stop the others ({@code backoffLimitPerIndex: 0}); the Job is killed
 * two minutes after the test timeout, by which time the runner has reported on its own.
 */
public final class TestRunnerJobManifest {

  /** Time the runner gets past its own timeout to write its summary before Kubernetes stops it. */
  public static final long GRACE_SECONDS = 120;
  public static final String SHARD_INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

  private TestRunnerJobManifest() {
  }

  public static Job build(RunModel model) {
    TestsSpec tests = model.spec().getTests();
    long deadline = GoDuration.parse(tests.getTimeout()).toSeconds() + GRACE_SECONDS;
    return new JobBuilder()
        .withMetadata(model.metadata(Component.TEST_RUNNER, RunNames.RUNNER_JOB))
        .withNewSpec()
        .withCompletionMode("Indexed")
        .withCompletions(tests.getParallelism())
        .withParallelism(tests.getParallelism())
        .withBackoffLimitPerIndex(0)
        .withActiveDeadlineSeconds(deadline)
        .withNewTemplate()
        .withNewMetadata().withLabels(model.labels(Component.TEST_RUNNER, RunNames.RUNNER_JOB)).withAnnotations(model.annotations()).endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withServiceAccountName(RunNames.RUNNER_SERVICE_ACCOUNT)
        .withSecurityContext(PodSecurity.pod(PodSecurity.APP_UID))
        .addNewContainer()
        .withName("test-runner")
        .withImage(model.testRunnerImage())
        .withEnv(env(model))
        .withTerminationMessagePath("/dev/termination-log")
        .withTerminationMessagePolicy("File")
        .withResources(model.sizing().resources("testRunner", model.spec().getResources().getTestRunner()))
        .withSecurityContext(PodSecurity.container())
        // The data-lake and ml suites check the lake's files; a black-box tester has no business changing them.
        .addToVolumeMounts(PodSecurity.mount("tmp", "/tmp"), PodSecurity.mount("reports", "/reports"), LakeManifests.mount(true))
        .endContainer()
        .addToVolumes(PodSecurity.scratch("tmp"), PodSecurity.scratch("reports"), LakeManifests.volume(true))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** The runner's environment, in an order where every $(VAR) refers to an earlier variable. */
  public static List<EnvVar> env(RunModel model) {
    TestsSpec tests = model.spec().getTests();
    List<EnvVar> env = new ArrayList<>();
    env.add(EndpointEnv.plain("ECAP_RUN_ID", model.names().runLabel()));
    env.add(EndpointEnv.plain("ECAP_SHARD_TOTAL", String.valueOf(tests.getParallelism())));
    env.add(EndpointEnv.field("ECAP_SHARD_INDEX", "metadata.annotations['" + SHARD_INDEX_ANNOTATION + "']"));
    env.add(EndpointEnv.plain("ECAP_SUITES", String.join(",", tests.getSuites())));
    env.add(EndpointEnv.plain("ECAP_RETRIES", String.valueOf(tests.getRetries())));
    env.add(EndpointEnv.plain("ECAP_TIMEOUT", tests.getTimeout()));
    env.add(EndpointEnv.plain("ECAP_PROFILE", model.spec().getProfile().name().toLowerCase()));
    model.apiService().ifPresent(api -> env.add(EndpointEnv.plain("ECAP_API_URL", PlatformManifests.url(api))));
    for (PlatformServiceSpec service : model.spec().getPlatform().getServices()) {
      env.add(EndpointEnv.plain(serviceUrlVariable(service.getName()), PlatformManifests.url(service)));
    }
    env.addAll(EndpointEnv.infrastructure(model));
    env.add(LakeManifests.env());
    model.pushgatewayUrl().ifPresent(url -> env.add(EndpointEnv.plain("ECAP_PUSHGATEWAY_URL", url)));
    env.add(EndpointEnv.field("ECAP_NAMESPACE", "metadata.namespace"));
    // The cross-service suite hosts a webhook receiver the notifications service must reach: the pod's IP.
    env.add(EndpointEnv.field("ECAP_WEBHOOK_SINK_HOST", "status.podIP"));
    env.add(EndpointEnv.plain("ECAP_RESULTS_CONFIGMAP", RunNames.RESULTS_CONFIGMAP_PREFIX + "-shard-$(ECAP_SHARD_INDEX)"));
    return env;
  }

  /** {@code ECAP_SERVICE_<NAME>_URL}, the name upper-cased with '-' as '_'. */
  public static String serviceUrlVariable(String service) {
    return "ECAP_SERVICE_" + service.toUpperCase().replace('-', '_') + "_URL";
  }
}
