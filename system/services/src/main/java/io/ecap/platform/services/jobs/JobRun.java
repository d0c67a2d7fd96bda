package io.ecap.platform.services.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One run's state, changed by the queue's worker and read by request threads. While the job runs its log tail is read
 * from the log file; once it ended the tail is kept here, so listing many runs reads no file.
 */
final class JobRun {

  static final int TAIL_LINES = 40;

  private final UUID id;
  private final String job;
  private final List<String> args;
  private final String lake;
  private final Instant queuedAt;
  private final Path logDir;
  private JobState state = JobState.QUEUED;
  private Integer exitCode;
  private Instant startedAt;
  private Instant finishedAt;
  private List<String> tail = List.of();

  JobRun(UUID id, String job, List<String> args, String lake, Instant queuedAt, Path logDir) {
    this.id = id;
    this.job = job;
    this.args = List.copyOf(args);
    this.lake = lake;
    this.queuedAt = queuedAt;
    this.logDir = logDir;
  }

  UUID id() {
    return id;
  }

  String job() {
    return job;
  }

  List<String> args() {
    return args;
  }

  /** The scratch lake's name, or null for the main lake. */
  String lake() {
    return lake;
  }

  Path logDir() {
    return logDir;
  }

  synchronized void started(Instant at) {
    state = JobState.RUNNING;
    startedAt = at;
  }

  void finished(Instant at, int exit) {
    List<String> last = LogTail.ofNewestLog(logDir, TAIL_LINES);
    synchronized (this) {
      state = exit == 0 ? JobState.SUCCEEDED : JobState.FAILED;
      exitCode = exit;
      if (startedAt == null) {
        startedAt = at;
      }
      finishedAt = at;
      tail = last;
    }
  }

  synchronized boolean ended() {
    return state == JobState.SUCCEEDED || state == JobState.FAILED;
  }

  JobRunDocument document() {
    JobState now;
    Integer exit;
    Instant start;
    Instant end;
    List<String> kept;
    synchronized (this) {
      now = state;
      exit = exitCode;
      start = startedAt;
      end = finishedAt;
      kept = tail;
    }
    // Read outside the lock: a slow disk must not hold up the worker.
    List<String> logTail = now == JobState.RUNNING ? LogTail.ofNewestLog(logDir, TAIL_LINES) : kept;
    return new JobRunDocument(id, job, args, lake, now, exit, queuedAt, start, end,
        end == null ? null : Duration.between(start, end).toMillis(), logTail);
  }
}
