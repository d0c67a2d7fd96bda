package io.ecap.platform.services;

import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.store.Database;
import io.ecap.platform.core.testdata.IntegrationTestDataManager;
import io.ecap.platform.services.admin.AdminHooks;
import io.ecap.platform.services.admin.FaultInjection;
import io.ecap.platform.services.admin.RecentLogs;
import io.ecap.platform.services.config.PlatformEndpoints;
import io.ecap.platform.services.infra.embedded.EmbeddedInfrastructure;
import io.ecap.platform.services.infra.embedded.EmbeddedLake;
import io.ecap.platform.services.infra.embedded.EndpointsFile;
import io.ecap.platform.services.jobs.SparkJobs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The platform jar's entry point. Modes: {@code --embedded} (everything in this JVM; the dataset also lands as JSON Lines in a lake directory for the Spark jobs), {@code --service NAME}
 * (one service against the infrastructure in ECAP_* environment variables), {@code --migrate}, {@code --seed} (with
 * {@code --lake-path}, the same dataset also lands in the lake: what a cluster's seeding Job does).
 * The test hooks under /admin (fault injection, recent logs) are on in {@code --embedded} mode, and for a service
 * when ECAP_FAULT_INJECTION=true / ECAP_LOG_ACCESS=true; the Spark job routes under /api/v1/admin when
 * ECAP_SPARK_JOBS_JAR names the jobs jar (over the embedded lake, or ECAP_LAKE_PATH).
 */
@Command(name = "ecap-platform", mixinStandardHelpOptions = true, sortOptions = false,
    description = "The ECAP e-commerce analytics platform (the system under test).")
public final class PlatformLauncher implements Callable<Integer> {

  static final class Mode {
    @Option(names = "--embedded", required = true,
        description = "Start in-process Kafka, PostgreSQL and Redis, load the dataset and run every service.")
    boolean embedded;

    @Option(names = "--service", required = true, paramLabel = "NAME",
        description = "Run one service against ECAP_* environment endpoints (known: api).")
    String service;

    @Option(names = "--migrate", required = true, description = "Apply the database migrations and exit.")
    boolean migrate;

    @Option(names = "--seed", required = true,
        description = "Migrate, generate and load the profile's dataset (and land it in the lake with --lake-path), and exit.")
    boolean seed;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Option(names = "--profile", defaultValue = "small", description = "Dataset size: small, medium or large (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--seed-value", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seedValue;

  @Option(names = "--endpoints-file", defaultValue = "target/ecap-platform/endpoints.env",
      description = "Where --embedded writes its endpoints (default: ${DEFAULT-VALUE}).")
  Path endpointsFile;

  @Option(names = "--lake-path", paramLabel = "DIR",
      description = "Where --embedded and --seed write the lake landing files (<DIR>/landing). --embedded defaults to a lake "
          + "directory beside the endpoints file; --seed without it loads PostgreSQL only.")
  Path lakePath;

  /** Log lines kept for GET /admin/logs when log access is on. */
  private static final int LOG_LINES = 20_000;

  private final Map<String, String> env;
  private final PrintStream out;
  private final CountDownLatch stop = new CountDownLatch(1);

  PlatformLauncher(Map<String, String> env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  public static void main(String[] args) {
    PlatformLauncher launcher = new PlatformLauncher(System.getenv(), System.out);
    int code = new CommandLine(launcher).execute(args);
    // Long-running modes return only once the shutdown hook has run; the others exit with their status.
    System.exit(code);
  }

  @Override
  public Integer call() throws Exception {
    DatasetProfile dataset = DatasetProfile.named(profile);
    if (mode.embedded) {
      return embedded(dataset);
    }
    if (mode.service != null) {
      return service(mode.service.toLowerCase(Locale.ROOT));
    }
    PlatformEndpoints endpoints = PlatformEndpoints.fromEnvironment(env);
    try (HikariDataSource pool = Database.pool(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword(), 4)) {
      int applied = Database.migrate(pool).migrationsExecuted;
      out.println("migrated: " + applied + " migration(s) applied");
      if (mode.seed) {
        IntegrationTestDataManager data = new IntegrationTestDataManager(pool, () -> {
          throw new IllegalStateException("seeding writes PostgreSQL and the lake's landing files only");
        });
        if (lakePath == null) {
          out.println("seeded: " + data.createDataset(dataset, seedValue));
        } else {
          // One generator run feeds both, so the lake's landing files are exactly the rows in PostgreSQL (the Spark
          // jobs' data-quality gate and the data-lake suite compare them). Files are rewritten, so a retried Job is safe.
          Path landing = EmbeddedLake.landing(lakePath);
          out.println("seeded: " + data.createDataset(dataset, seedValue, landing) + "; landing files in " + landing);
        }
      }
    }
    return 0;
  }

  private int embedded(DatasetProfile dataset) throws Exception {
    Optional<RecentLogs> logs = Optional.of(RecentLogs.install(LOG_LINES));
    EmbeddedInfrastructure infra = EmbeddedInfrastructure.start();
    List<AutoCloseable> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    installShutdownHook(services, infra);
    PlatformEndpoints endpoints = infra.endpoints();
    Path lake = EmbeddedLake.prepare(lakePath, endpointsFile);
    try (HikariDataSource pool = Database.pool(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword(), 4)) {
      Database.migrate(pool);
      new IntegrationTestDataManager(pool, () -> {
        throw new IllegalStateException("the embedded seed writes PostgreSQL and the lake's landing files only");
      }).createDataset(dataset, seedValue, EmbeddedLake.landing(lake));
    }
    // The services reach Redis and PostgreSQL through fault proxies; the endpoints file keeps the real ones.
    FaultInjection faults = FaultInjection.start(endpoints);
    services.add(faults);
    // The jobs write to the real endpoints: a dependency cut off through the fault proxies is cut off for the services.
    SparkJobs sparkJobs = SparkJobs.configure(env, Optional.of(lake.toString()), endpoints);
    services.add(sparkJobs);
    AdminHooks.install(new AdminHooks(faults, logs, sparkJobs));
    io.ecap.platform.services.admin.BrokerControl.install(infra.kafka()::restartBroker);
    List<PlatformService> started = new ArrayList<>();
    for (String name : ServiceCatalog.names()) {
      PlatformService service = ServiceCatalog.factory(name).start(faults.endpoints(endpoints), "127.0.0.1", 0);
      services.add(service);
      started.add(service);
    }
    Map<String, String> file = new LinkedHashMap<>();
    PlatformService api = started.get(0);
    file.put("ECAP_API_URL", api.url());
    file.put(PlatformEndpoints.KAFKA_BOOTSTRAP, endpoints.kafkaBootstrap());
    file.put(PlatformEndpoints.JDBC_URL, endpoints.jdbcUrl());
    file.put(PlatformEndpoints.JDBC_USER, endpoints.jdbcUser());
    file.put(PlatformEndpoints.JDBC_PASSWORD, endpoints.jdbcPassword());
    file.put(PlatformEndpoints.REDIS_URL, endpoints.redisUrl());
    file.put(EmbeddedLake.LAKE_PATH, lake.toString());
    for (PlatformService s : started) {
      file.put("ECAP_SERVICE_" + s.name().toUpperCase(Locale.ROOT) + "_URL", s.url());
    }
    for (PlatformService s : started) {
      out.println(s.name() + " " + s.url());
    }
    out.println("kafka " + endpoints.kafkaBootstrap());
    out.println("jdbc " + endpoints.jdbcUrl());
    out.println("redis " + endpoints.redisUrl());
    out.println("lake " + lake);
    out.println("spark-jobs " + (sparkJobs.isEnabled() ? "on" : "off: " + sparkJobs.disabledReason()));
    EndpointsFile.write(endpointsFile, file);
    out.println("endpoints " + endpointsFile.toAbsolutePath());
    out.println("ready");
    out.flush();
    stop.await();
    return 0;
  }

  private int service(String name) throws Exception {
    Optional<RecentLogs> logs = RecentLogs.requested(env) ? Optional.of(RecentLogs.install(LOG_LINES)) : Optional.empty();
    PlatformEndpoints endpoints = PlatformEndpoints.fromEnvironment(env);
    FaultInjection faults = FaultInjection.requested(env) ? FaultInjection.start(endpoints) : FaultInjection.disabled();
    // Only the api service serves the Spark job routes.
    SparkJobs sparkJobs = name.equals("api")
        ? SparkJobs.configure(env, Optional.ofNullable(env.get(EmbeddedLake.LAKE_PATH)), endpoints)
        : SparkJobs.notConfigured();
    AdminHooks.install(new AdminHooks(faults, logs, sparkJobs));
    PlatformService service = ServiceCatalog.factory(name).start(faults.endpoints(endpoints), "0.0.0.0",
        PlatformEndpoints.httpPort(env));
    installShutdownHook(List.of(faults, sparkJobs, service), null);
    out.println(service.name() + " " + service.url());
    out.println("ready");
    out.flush();
    stop.await();
    return 0;
  }

  /** SIGTERM / Ctrl-C: services in reverse start order (they use the infrastructure), then the embedded infrastructure. */
  private void installShutdownHook(List<? extends AutoCloseable> services, EmbeddedInfrastructure infra) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (int i = services.size() - 1; i >= 0; i--) {
        try {
          services.get(i).close();
        } catch (Exception e) {
          System.err.println("stopping " + services.get(i).getClass().getSimpleName() + " failed: " + e);
        }
      }
      if (infra != null) {
        infra.close();
      }
      stop.countDown();
    }, "ecap-shutdown"));
  }
}
