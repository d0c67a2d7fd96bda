package io.ecap.platform.services.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark jobs the API was asked to run, one at a time in the order asked, on one worker thread: a Spark local-mode
 * job takes every core of a small machine (and the lake's files), so two at once would only slow both and race on
 * the lake. Runs are kept in memory for the API to show (the newest {@value #KEPT_RUNS} ended ones).
 */
public final class SparkJobQueue implements AutoCloseable {

  static final int KEPT_RUNS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(SparkJobQueue.class);

  private final SparkJobsSettings settings;
  private final JobProcess process;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ecap-spark-jobs");
    t.setDaemon(true);
    return t;
  });
  /** By id, oldest first; guarded by itself. */
  private final Map<UUID, JobRun> runs = new LinkedHashMap<>();

  public SparkJobQueue(SparkJobsSettings settings, ScratchLakes lakes, AbandonedRuns abandoned, Clock clock) {
    this.settings = settings;
    this.process = new JobProcess(settings, lakes, abandoned);
    this.clock = clock;
  }

  /**
   * Queues a run of {@code job} (a short name of SparkJobCatalog, or a main class) over the scratch lake {@code lake},
   * or the main lake when null.
   */
  public JobRunDocument submit(String job, List<String> args, String lake) {
    UUID id = UUID.randomUUID();
    JobRun run = new JobRun(id, job, args, lake, clock.instant(), settings.logDir(id));
    synchronized (runs) {
      runs.put(id, run);
      forgetOldRuns();
    }
    try {
      worker.execute(() -> execute(run));
    } catch (RejectedExecutionException e) {
      synchronized (runs) {
        runs.remove(id);
      }
      throw new IllegalStateException("the platform is stopping: no Spark job can be started", e);
    }
    return run.document();
  }

  private void execute(JobRun run) {
    run.started(clock.instant());
    LOG.info("Spark job {} ({}) started over {}", run.job(), run.id(), run.lake() == null ? "the main lake"
        : "scratch lake " + run.lake());
    try {
      int exit = process.run(run);
      run.finished(clock.instant(), exit);
      LOG.info("Spark job {} ({}) ended with exit code {}", run.job(), run.id(), exit);
    } catch (InterruptedException e) {
      run.finished(clock.instant(), JobProcess.NO_EXIT_CODE);
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Spark job {} ({}) failed in the platform", run.job(), run.id(), e);
      run.finished(clock.instant(), JobProcess.NO_EXIT_CODE);
    }
  }

  public Optional<JobRunDocument> find(UUID id) {
    JobRun run;
    synchronized (runs) {
      run = runs.get(id);
    }
    return Optional.ofNullable(run).map(JobRun::document);
  }

  /** Every kept run, newest first. */
  public List<JobRunDocument> list() {
    List<JobRun> all;
    synchronized (runs) {
      all = new ArrayList<>(runs.values());
    }
    Collections.reverse(all);
    return all.stream().map(JobRun::document).toList();
  }

  /** A queued or running run over the scratch lake {@code lake}, if there is one. */
  public Optional<UUID> activeOn(String lake) {
    synchronized (runs) {
      return runs.values().stream().filter(r -> lake.equals(r.lake()) && !r.ended()).map(JobRun::id).findFirst();
    }
  }

  private void forgetOldRuns() {
    int ended = (int) runs.values().stream().filter(JobRun::ended).count();
    for (Iterator<JobRun> it = runs.values().iterator(); it.hasNext() && ended > KEPT_RUNS; ) {
      if (it.next().ended()) {
        it.remove();
        ended--;
      }
    }
  }

  /** Stops the worker: the running job is killed (its child JVM with it), queued ones never start. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the Spark job worker did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
