package io.ecap.platform.services.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Spark job run as the API shows it. {@code lake} is null for the main lake; {@code exitCode} and {@code tookMillis}
 * are null until the run ended (exit code 2: stopped by the data-quality gate; -1: killed at its timeout, or never
 * started); {@code logTail} is the last lines of the job's output, also while it runs.
 */
public record JobRunDocument(UUID id, String job, List<String> args, String lake, JobState state, Integer exitCode,
                             Instant queuedAt, Instant startedAt, Instant finishedAt, Long tookMillis,
                             List<String> logTail) {
}
