package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.api.spec.SparkSpec;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Job that submits one Spark application in cluster mode and exits
 * ({@code waitAppCompletion=false}): the driver it names deterministically creates the executors
 * through spark-kubernetes, and the operator follows that driver pod to Succeeded or Failed.
 */
public final class SparkSubmitManifest {

  public static final String JOBS_JAR = "local:///app/spark-jobs.jar";

  private SparkSubmitManifest() {
  }

  public static Job build(RunModel model, SparkJobSpec job) {
    String name = RunNames.sparkSubmitJob(job.getName());
    return new JobBuilder()
        .withMetadata(model.metadata(Component.SPARK_SUBMIT, name))
        .withNewSpec()
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewMetadata().withLabels(model.labels(Component.SPARK_SUBMIT, name)).withAnnotations(model.annotations()).endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withServiceAccountName(RunNames.SPARK_SERVICE_ACCOUNT)
        .withSecurityContext(PodSecurity.pod(PodSecurity.PLATFORM_UID))
        .addNewContainer()
        .withName("spark-submit")
        .withImage(model.sparkImage())
        .withCommand("spark-submit")
        .withArgs(arguments(model, job))
        .addToEnv(EndpointEnv.plain("HOME", "/tmp"))
        .withResources(model.sizing().resources("tooling", null))
        .withSecurityContext(PodSecurity.container())
        .addToVolumeMounts(PodSecurity.mount("tmp", "/tmp"))
        .endContainer()
        .addToVolumes(PodSecurity.scratch("tmp"))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** The spark-submit command line after {@code spark-submit}. */
  public static List<String> arguments(RunModel model, SparkJobSpec job) {
    SparkSpec spark = model.spec().getSpark();
    ResourceRequirements driver = model.sizing().resources("sparkDriver", model.spec().getResources().getSparkDriver());
    ResourceRequirements executor = model.sizing().resources("sparkExecutor", model.spec().getResources().getSparkExecutor());
    List<String> args = new ArrayList<>(List.of(
        "--master", "k8s://https://kubernetes.default.svc",
        "--deploy-mode", "cluster",
        "--name", job.getName(),
        "--class", job.getMainClass()));
    conf(args, "spark.kubernetes.namespace", model.namespace());
    conf(args, "spark.kubernetes.authenticate.driver.serviceAccountName", RunNames.SPARK_SERVICE_ACCOUNT);
    conf(args, "spark.kubernetes.container.image", model.sparkImage());
    conf(args, "spark.executor.instances", String.valueOf(spark.getExecutors()));
    conf(args, "spark.kubernetes.driver.pod.name", RunNames.sparkDriverPod(job.getName()));
    conf(args, "spark.kubernetes.submission.waitAppCompletion", "false");
    conf(args, "spark.driver.memory", jvmMemory(spark.getDriverMemory()));
    conf(args, "spark.executor.memory", jvmMemory(spark.getExecutorMemory()));
    conf(args, "spark.kubernetes.driver.request.cores", cpu(driver.getRequests().get("cpu")));
    conf(args, "spark.kubernetes.driver.limit.cores", cpu(driver.getLimits().get("cpu")));
    conf(args, "spark.kubernetes.executor.request.cores", cpu(executor.getRequests().get("cpu")));
    conf(args, "spark.kubernetes.executor.limit.cores", cpu(executor.getLimits().get("cpu")));
    for (Map.Entry<String, String> label : model.labels(Component.SPARK_DRIVER, RunNames.sparkDriverPod(job.getName())).entrySet()) {
      conf(args, "spark.kubernetes.driver.label." + label.getKey(), label.getValue());
    }
    for (Map.Entry<String, String> label : model.labels("spark-executor", job.getName()).entrySet()) {
      conf(args, "spark.kubernetes.executor.label." + label.getKey(), label.getValue());
    }
    for (Map.Entry<String, String> annotation : model.annotations().entrySet()) {
      conf(args, "spark.kubernetes.driver.annotation." + annotation.getKey(), annotation.getValue());
      conf(args, "spark.kubernetes.executor.annotation." + annotation.getKey(), annotation.getValue());
    }
    // Driver and executors both read and write the lake (executors write the table files), so both mount it.
    for (String side : List.of("driver", "executor")) {
      String volume = "spark.kubernetes." + side + ".volumes.persistentVolumeClaim." + RunNames.LAKE_CLAIM;
      conf(args, volume + ".options.claimName", RunNames.LAKE_CLAIM);
      conf(args, volume + ".mount.path", LakeManifests.MOUNT_PATH);
      conf(args, volume + ".mount.readOnly", "false");
    }
    for (String side : List.of("spark.kubernetes.driverEnv.", "spark.executorEnv.")) {
      conf(args, side + "ECAP_KAFKA_BOOTSTRAP", RunNames.kafkaBootstrap());
      conf(args, side + "ECAP_JDBC_URL", EndpointEnv.jdbcUrl(model));
      conf(args, side + LakeManifests.LAKE_PATH_VARIABLE, LakeManifests.MOUNT_PATH);
    }
    for (String side : List.of("spark.kubernetes.driver.secretKeyRef.", "spark.kubernetes.executor.secretKeyRef.")) {
      conf(args, side + "ECAP_JDBC_USER", RunNames.SECRET + ":" + CredentialsManifest.POSTGRES_USER);
      conf(args, side + "ECAP_JDBC_PASSWORD", RunNames.SECRET + ":" + CredentialsManifest.POSTGRES_PASSWORD);
    }
    args.add(JOBS_JAR);
    if (job.getArgs() != null) {
      args.addAll(job.getArgs());
    }
    return args;
  }

  /** The label keys Spark copies to the driver pod, so the operator can find and map it. */
  public static String driverLabelSelector() {
    return RunLabels.selector(Component.SPARK_DRIVER);
  }

  private static void conf(List<String> args, String key, String value) {
    args.add("--conf");
    args.add(key + "=" + value);
  }

  /** Spark wants JVM sizes ({@code 1g}, {@code 512m}); the spec holds Kubernetes quantities. */
  static String jvmMemory(String quantity) {
    long mebibytes = Quantity.getAmountInBytes(new Quantity(quantity)).longValue() / (1024 * 1024);
    return Math.max(1, mebibytes) + "m";
  }

  private static String cpu(Quantity quantity) {
    return quantity.getAmount() + (quantity.getFormat() == null ? "" : quantity.getFormat());
  }
}
