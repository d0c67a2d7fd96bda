package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.ecap.platform.core.sparkjobs.SparkJobCatalog;
import io.ecap.platform.services.jobs.JobRunDocument;
import io.ecap.platform.services.jobs.LandingRejected;
import io.ecap.platform.services.jobs.ScratchLakes;
import io.ecap.platform.services.jobs.SparkJobs;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The /api/v1/admin routes that let black-box suites run the platform's Spark jobs and feed crafted datasets to
 * scratch lakes: checks the request, hands it to {@link SparkJobs}, answers. A 503 problem saying how to turn them on
 * when the platform runs without them.
 */
public final class SparkJobHandlers {

  static final String RUNS_PATH = "/api/v1/admin/spark-jobs/";
  private static final int MAX_ARGS = 64;

  /** Body of GET /api/v1/admin/spark-jobs. */
  public record Runs(List<JobRunDocument> runs) {
  }

  private final SparkJobs jobs;
  private final Requests requests;
  private final ObjectMapper mapper;

  public SparkJobHandlers(SparkJobs jobs, ObjectMapper mapper) {
    this.jobs = jobs;
    this.requests = new Requests(strictText(mapper));
    this.mapper = mapper;
  }

  /**
   * A copy of the mapper that refuses numbers and booleans where a string is expected: Jackson turns {@code "lake": 7}
   * into the lake "7" otherwise, and a mistyped body would run a job over the wrong lake instead of being refused.
   */
  private static ObjectMapper strictText(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy();
    strict.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return strict;
  }

  public void submit(Context ctx) throws Exception {
    requireEnabled();
    SparkJobRequest request = requests.body(ctx, SparkJobRequest.class);
    List<FieldError> errors = new ArrayList<>();
    String job = job(request.job(), errors);
    List<String> args = args(request.args(), errors);
    if (request.lake() != null && !ScratchLakes.NAME.matcher(request.lake()).matches()) {
      errors.add(new FieldError("lake", "must be a scratch lake's name matching " + ScratchLakes.NAME.pattern()
          + " (leave it out for the main lake)"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    if (request.lake() != null && !jobs.lakes().exists(request.lake())) {
      throw new ProblemException(404, "not-found", "Not found", "no scratch lake '" + request.lake() + "': upload its"
          + " landing files first (PUT /api/v1/admin/lakes/" + request.lake() + "/landing/{source})",
          List.of(new FieldError("lake", "no such scratch lake")));
    }
    JobRunDocument run = jobs.queue().submit(job, args, request.lake());
    ctx.header("Location", RUNS_PATH + run.id());
    ApiHandlers.json(ctx, 202, mapper.writeValueAsString(run));
  }

  public void get(Context ctx) throws Exception {
    requireEnabled();
    UUID id = Requests.uuidParam(ctx, "id");
    JobRunDocument run = jobs.queue().find(id).orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
        "no Spark job run " + id + " in this process", List.of(new FieldError("id", "unknown run"))));
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(run));
  }

  public void list(Context ctx) throws Exception {
    requireEnabled();
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(new Runs(jobs.queue().list())));
  }

  public void uploadLanding(Context ctx) throws Exception {
    requireEnabled();
    try {
      ScratchLakes.Landed landed = jobs.lakes().land(ctx.pathParam("lake"), ctx.pathParam("source"),
          ctx.bodyInputStream());
      ApiHandlers.json(ctx, 201, mapper.writeValueAsString(landed));
    } catch (LandingRejected e) {
      throw rejected(e);
    }
  }

  public void deleteLake(Context ctx) throws Exception {
    requireEnabled();
    String lake = ctx.pathParam("lake");
    try {
      ScratchLakes.requireName(lake);
    } catch (LandingRejected e) {
      throw rejected(e);
    }
    Optional<UUID> active = jobs.queue().activeOn(lake);
    if (active.isPresent()) {
      throw new ProblemException(409, "conflict", "Conflict", "Spark job run " + active.get() + " over scratch lake '"
          + lake + "' is queued or running; delete the lake once it ended", List.of(new FieldError("lake", "in use")));
    }
    if (!jobs.lakes().delete(lake)) {
      throw new ProblemException(404, "not-found", "Not found", "no scratch lake '" + lake + "'",
          List.of(new FieldError("lake", "no such scratch lake")));
    }
    ctx.status(204);
  }

  private static ProblemException rejected(LandingRejected e) {
    if (e.status() == 400) {
      return ProblemException.invalid(e.field(), e.getMessage());
    }
    return new ProblemException(e.status(), "too-large", "Request too large", e.field() + " " + e.getMessage(),
        List.of(new FieldError(e.field(), e.getMessage())));
  }

  private static String job(String job, List<FieldError> errors) {
    if (job == null || job.isBlank()) {
      errors.add(new FieldError("job", "is required: one of " + known()));
    } else if (!SparkJobCatalog.MAIN_CLASSES.containsKey(job)) {
      // Short names only: a main class name would let a caller run any class of the jar.
      errors.add(new FieldError("job", "unknown Spark job '" + job + "': one of " + known()));
    }
    return job;
  }

  private static TreeSet<String> known() {
    return new TreeSet<>(SparkJobCatalog.MAIN_CLASSES.keySet());
  }

  private static List<String> args(JsonNode args, List<FieldError> errors) {
    if (args == null || args.isNull()) {
      return List.of();
    }
    if (!args.isArray()) {
      errors.add(new FieldError("args", "must be an array of strings"));
      return List.of();
    }
    if (args.size() > MAX_ARGS) {
      errors.add(new FieldError("args", "must have at most " + MAX_ARGS + " elements"));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      JsonNode arg = args.get(i);
      if (!arg.isTextual() || arg.asText().indexOf('\0') >= 0) {
        errors.add(new FieldError("args[" + i + "]", "must be a string (without NUL)"));
      } else {
        values.add(arg.asText());
      }
    }
    return values;
  }

  private void requireEnabled() {
    if (!jobs.isEnabled()) {
      throw new ProblemException(503, "spark-jobs-disabled", "Spark job routes are off", jobs.disabledReason(),
          List.of());
    }
  }
}
