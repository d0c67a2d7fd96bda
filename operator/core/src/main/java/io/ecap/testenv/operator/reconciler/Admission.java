package io.ecap.testenv.operator.reconciler;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The concurrency limit: at most N runs provision or test at once; the others wait in creation
 * order. Slots are held by runs that started and have not finished; after a restart they are
 * rebuilt from the runs' status, so the limit survives the operator. Synchronised: JOSDK reconciles
 * different runs on different threads.
 */
public final class Admission {

  private final int limit;
  private final Set<String> slots = new HashSet<>();

  public Admission(int limit) {
    this.limit = limit;
  }

  /** Whether the run may start now; empty when it may, else its place in the queue (1-based). */
  public synchronized Optional<Integer> admit(IntegrationTestRun run, List<IntegrationTestRun> allRuns) {
    String uid = run.getMetadata().getUid();
    slots.removeIf(held -> allRuns.stream().noneMatch(r -> held.equals(r.getMetadata().getUid()) && !finished(r)));
    allRuns.stream().filter(Admission::started).filter(r -> !finished(r)).forEach(r -> slots.add(r.getMetadata().getUid()));
    if (slots.contains(uid) || started(run)) {
      slots.add(uid);
      return Optional.empty();
    }
    List<IntegrationTestRun> waiting = allRuns.stream()
        .filter(r -> !started(r) && !finished(r) && !slots.contains(r.getMetadata().getUid()))
        .sorted(Comparator.comparing((IntegrationTestRun r) -> String.valueOf(r.getMetadata().getCreationTimestamp()))
            .thenComparing(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName()))
        .toList();
    int position = 0;
    for (IntegrationTestRun candidate : waiting) {
      position++;
      if (candidate.getMetadata().getUid().equals(uid)) {
        break;
      }
    }
    if (slots.size() + position <= limit) {
      slots.add(uid);
      return Optional.empty();
    }
    return Optional.of(Math.max(1, position - (limit - slots.size())));
  }

  public synchronized void release(IntegrationTestRun run) {
    slots.remove(run.getMetadata().getUid());
  }

  public synchronized int inUse() {
    return slots.size();
  }

  public int limit() {
    return limit;
  }

  private static boolean started(IntegrationTestRun run) {
    return run.getStatus() != null && run.getStatus().getStartedAt() != null;
  }

  private static boolean finished(IntegrationTestRun run) {
    return run.getStatus() != null && run.getStatus().getPhase() != null && run.getStatus().getPhase().isFinal();
  }
}
