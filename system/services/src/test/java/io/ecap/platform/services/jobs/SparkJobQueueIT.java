package io.ecap.platform.services.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue with real child JVMs (a tiny jobs jar of {@link FakeSparkJob}, no Spark): one run at a time in the order
 * asked, states and exit codes, the log tail, the environment each job gets, the timeout, and no job left behind
 * when the platform stops.
 */
class SparkJobQueueIT {

  private static final String FAKE = FakeSparkJob.class.getName();
  private static final Map<String, String> ENDPOINTS = Map.of("ECAP_JDBC_URL", "jdbc:postgresql://db:5432/ecap",
      "ECAP_JDBC_USER", "ecap", "ECAP_JDBC_PASSWORD", "secret", "ECAP_KAFKA_BOOTSTRAP", "kafka:9092");

  @TempDir
  static Path shared;
  static Path jar;

  @TempDir
  Path lake;
  private final List<UUID> abandoned = new CopyOnWriteArrayList<>();
  private SparkJobQueue queue;

  @BeforeAll
  static void buildJar() throws Exception {
    jar = FakeJobsJar.build(shared);
  }

  @BeforeEach
  void start() {
    queue = queue(Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() {
    queue.close();
  }

  private SparkJobQueue queue(Duration timeout) {
    SparkJobsSettings settings = new SparkJobsSettings(jar, lake, ENDPOINTS, timeout, "64m");
    return new SparkJobQueue(settings, new ScratchLakes(lake), (id, message) -> abandoned.add(id), Clock.systemUTC());
  }

  private JobRunDocument awaitEnded(UUID id) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> queue.find(id).orElseThrow().finishedAt() != null);
    return queue.find(id).orElseThrow();
  }

  private JobRunDocument awaitRunning(UUID id) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> queue.find(id).orElseThrow().state() == JobState.RUNNING);
    return queue.find(id).orElseThrow();
  }

  @Test
  void runsOneJobAtATimeInTheOrderAsked() throws Exception {
    Path record = lake.resolve("record.txt");
    UUID a = queue.submit(FAKE, List.of("--record", record.toString(), "a", "--sleep-ms", "1500"), null).id();
    UUID b = queue.submit(FAKE, List.of("--record", record.toString(), "b", "--sleep-ms", "300"), null).id();
    UUID c = queue.submit(FAKE, List.of("--record", record.toString(), "c"), null).id();

    awaitRunning(a);
    assertThat(queue.find(b).orElseThrow().state()).as("b while a runs").isEqualTo(JobState.QUEUED);
    assertThat(queue.find(c).orElseThrow().state()).as("c while a runs").isEqualTo(JobState.QUEUED);
    assertThat(queue.find(b).orElseThrow().startedAt()).isNull();
    JobRunDocument last = awaitEnded(c);
    JobRunDocument first = queue.find(a).orElseThrow();
    JobRunDocument second = queue.find(b).orElseThrow();

    assertThat(Files.readAllLines(record)).as("each job started after the previous one ended, in the order asked")
        .containsExactly("start a", "end a", "start b", "end b", "start c", "end c");
    assertThat(second.startedAt()).isAfterOrEqualTo(first.finishedAt());
    assertThat(last.startedAt()).isAfterOrEqualTo(second.finishedAt());
    assertThat(queue.list()).extracting(JobRunDocument::id).as("newest first").containsExactly(c, b, a);
  }

  @Test
  void aRunEndsWithItsStateExitCodeTimesAndTheTailOfItsOutput() {
    JobRunDocument queued = queue.submit(FAKE, List.of("--lines", "100"), null);
    UUID gated = queue.submit(FAKE, List.of("--exit", "2"), null).id();
    assertThat(queued.state()).isEqualTo(JobState.QUEUED);
    assertThat(queued.exitCode()).isNull();
    assertThat(queued.logTail()).isEmpty();

    JobRunDocument ok = awaitEnded(queued.id());
    assertThat(ok.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.job()).isEqualTo(FAKE);
    assertThat(ok.args()).containsExactly("--lines", "100");
    assertThat(ok.lake()).isNull();
    assertThat(ok.startedAt()).isAfterOrEqualTo(ok.queuedAt());
    assertThat(ok.finishedAt()).isAfterOrEqualTo(ok.startedAt());
    assertThat(ok.tookMillis()).isEqualTo(Duration.between(ok.startedAt(), ok.finishedAt()).toMillis()).isPositive();
    assertThat(ok.logTail()).as("the last 40 lines").hasSize(40).startsWith("line 61").endsWith("line 100");

    JobRunDocument stopped = awaitEnded(gated);
    assertThat(stopped.state()).isEqualTo(JobState.FAILED);
    assertThat(stopped.exitCode()).as("the data-quality gate's exit code, passed on").isEqualTo(2);
  }

  @Test
  void eachJobGetsItsLakeItsRunIdAndThePlatformsEndpoints() throws Exception {
    Files.createDirectories(lake.resolve("scratch/crafted/landing"));
    JobRunDocument main = awaitEnded(queue.submit(FAKE, List.of(), null).id());
    JobRunDocument scratch = awaitEnded(queue.submit(FAKE, List.of("x"), "crafted").id());
    String mainLine = printed(main);
    assertThat(mainLine).contains("lake=" + lake + " ").contains("runId=" + main.id() + " ")
        .contains("jdbc=jdbc:postgresql://db:5432/ecap ").contains("user=ecap ").contains("kafka=kafka:9092 ")
        .as("the landing path is the job's default, <lake>/landing").contains("landing=null ");
    assertThat(scratch.lake()).isEqualTo("crafted");
    assertThat(printed(scratch)).contains("lake=" + lake.resolve("scratch").resolve("crafted") + " ")
        .contains("runId=" + scratch.id() + " ");
  }

  @Test
  void aRunPastItsTimeoutIsKilledAndFailsWithExitCodeMinusOne() {
    queue.close();
    queue = queue(Duration.ofSeconds(2));
    UUID id = queue.submit(FAKE, List.of("--hang"), null).id();
    long pid = awaitPid(id);
    JobRunDocument run = awaitEnded(id);
    assertThat(run.state()).isEqualTo(JobState.FAILED);
    assertThat(run.exitCode()).isEqualTo(-1);
    assertThat(run.tookMillis()).isBetween(2_000L, 20_000L);
    assertThat(run.logTail().get(run.logTail().size() - 1)).contains("timed out after 2 s")
        .contains(SparkJobsSettings.TIMEOUT);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("job %d alive", pid).isFalse();
    assertThat(abandoned).as("its analytics_job_runs row is closed").containsExactly(id);
  }

  @Test
  void stoppingTheQueueKillsTheRunningJob() {
    UUID id = queue.submit(FAKE, List.of("--hang"), null).id();
    long pid = awaitPid(id);
    queue.close();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("job %d alive", pid).isFalse();
    JobRunDocument run = queue.find(id).orElseThrow();
    assertThat(run.state()).isEqualTo(JobState.FAILED);
    assertThat(run.exitCode()).isEqualTo(-1);
    assertThat(String.join("\n", run.logTail())).contains("the platform is stopping");
    assertThat(abandoned).containsExactly(id);
  }

  /** The line the fake job printed about what it was given (the JVM may print a warning before it). */
  private static String printed(JobRunDocument run) {
    return run.logTail().stream().filter(l -> l.startsWith("lake=")).findFirst()
        .orElseThrow(() -> new AssertionError("no lake= line in " + run.logTail()));
  }

  /** The pid the running job printed. */
  private long awaitPid(UUID id) {
    Pattern pid = Pattern.compile("pid=(\\d+)");
    awaitRunning(id);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> queue.find(id).orElseThrow().logTail().stream().anyMatch(l -> l.startsWith("lake=")));
    Matcher m = pid.matcher(printed(queue.find(id).orElseThrow()));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
