package io.ecap.platform.streaming.consumer;

import io.ecap.platform.streaming.consumer.ConsumerMetrics.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one base of every platform consumer. Per poll batch:
 * <ol>
 *   <li>each record is decoded and schema-checked; one that fails goes to the dead-letter topic as it is;</li>
 *   <li>the batch is applied in one PostgreSQL transaction that first claims the event ids
 *       ({@link ProcessedEventStore}): ids claimed before are duplicates and skipped, the rest go to
 *       {@link #process}, then {@link #beforeCommit}; the claim and the subclass's PostgreSQL writes commit together;</li>
 *   <li>if the batch fails it is replayed record by record, each in its own transaction, retrying transient failures
 *       per the {@link RetryPolicy}; a record that fails permanently or runs out of retries goes to the dead-letter
 *       topic with the error in its headers;</li>
 *   <li>only then are the offsets committed (asynchronously in the loop, synchronously on rebalance and shutdown).</li>
 * </ol>
 * Effects outside PostgreSQL (Redis, Kafka) made in {@link #process} must be idempotent: a crash after them and
 * before the commit replays them. A crash anywhere loses nothing (offsets are committed after the work) and
 * doubles nothing (the claim). One thread per instance; scale out with more instances in the same group.
 */
public abstract class BaseStreamingConsumer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BaseStreamingConsumer.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final ConsumerSettings settings;
  private final DataSource dataSource;
  private final EventDecoder decoder;
  private final DeadLetterPublisher deadLetters;
  private final ProcessedEventStore processed = new ProcessedEventStore();
  private final RecordTracing tracing = new RecordTracing();
  private final ConsumerMetrics metrics;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final OffsetTracker offsets = new OffsetTracker();
  private final Map<UUID, Outcome> outcomes = new HashMap<>();
  private volatile boolean running;
  private volatile Instant lastPoll = Instant.EPOCH;
  private volatile Collection<TopicPartition> assignment = List.of();
  private Instant lastPurge = Instant.EPOCH;
  private Thread thread;

  protected BaseStreamingConsumer(ConsumerSettings settings, DataSource dataSource, EventDecoder decoder,
                                  DeadLetterPublisher deadLetters, MeterRegistry registry) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.decoder = decoder;
    this.deadLetters = deadLetters;
    this.metrics = new ConsumerMetrics(registry, settings.groupId());
  }

  /** Applies one fresh (never processed by this group) event, inside the transaction that claimed its id. */
  protected abstract void process(ConsumedEvent event, Connection tx) throws Exception;

  /** Called once per transaction after the last {@link #process}, before the commit: flush batched writes here. */
  protected void beforeCommit(Connection tx) throws Exception {
  }

  /** Called after the transaction committed (e.g. to project the committed state to Redis). Must not throw. */
  protected void afterCommit() {
  }

  /** Called after the transaction rolled back: drop whatever {@link #process} staged. */
  protected void afterRollback() {
  }

  /** Partitions were taken away (rebalance or shutdown); everything handled so far is committed already. */
  protected void onPartitionsRevoked(Collection<TopicPartition> partitions) {
  }

  /**
   * Gives {@code event} an outcome other than PROCESSED (e.g. LATE) in the metrics once its transaction commits;
   * each record is counted under exactly one outcome.
   */
  protected final void markOutcome(ConsumedEvent event, Outcome outcome) {
    outcomes.put(event.envelope().eventId(), outcome);
  }

  public final String groupId() {
    return settings.groupId();
  }

  /** Starts the polling thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException(settings.groupId() + " already started");
    }
    running = true;
    thread = new Thread(this::run, "consumer-" + settings.groupId());
    thread.start();
  }

  /**
   * Stops after the batch in hand: finishes it (or abandons it uncommitted if it is stuck in retries), commits what
   * completed, leaves the group so its partitions move at once, and waits for the thread.
   */
  @Override
  public void close() {
    running = false;
    Thread t = thread;
    if (t != null) {
      try {
        if (!finished.await(60, TimeUnit.SECONDS)) {
          LOG.warn("consumer {} did not stop within 60 s", settings.groupId());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean isRunning() {
    return running && failure.get() == null && thread != null && thread.isAlive();
  }

  /** Why the polling thread died, if it did. */
  public Throwable failure() {
    return failure.get();
  }

  public Instant lastPoll() {
    return lastPoll;
  }

  public Collection<TopicPartition> assignment() {
    return assignment;
  }

  public long lag() {
    return metrics.totalLag();
  }

  private void run() {
    String clientId = settings.groupId() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.kafkaProperties(clientId))) {
      consumer.subscribe(settings.topics(), new Rebalance(consumer));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
        lastPoll = Instant.now();
        assignment = List.copyOf(consumer.assignment());
        if (!records.isEmpty()) {
          try {
            handle(records);
          } catch (ShutdownDuringBatch e) {
            // Commit nothing of this batch: a record dead-lettered at decode time may sit after unfinished ones.
            // All of it is redelivered; the claim skips what was applied.
            offsets.drain();
            LOG.info("consumer {} stopped in the middle of a batch; it will be redelivered", settings.groupId());
            break;
          }
          commitAsync(consumer);
        }
        metrics.updateLag(consumer);
        purgeProcessedIdsWhenDue();
      }
      commit(consumer);
    } catch (Throwable e) {
      failure.set(e);
      LOG.error("consumer {} stopped on an unexpected error", settings.groupId(), e);
    } finally {
      running = false;
      finished.countDown();
    }
  }

  private void handle(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    List<ConsumedEvent> decoded = new ArrayList<>(records.count());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        decoded.add(decoder.decode(record));
      } catch (PoisonRecord poison) {
        deadLetter(record, poison.reason(), poison, 0);
      }
    }
    if (decoded.isEmpty()) {
      return;
    }
    try {
      applyInTransaction(decoded);
      decoded.forEach(e -> offsets.completed(e.record()));
    } catch (Exception batchFailure) {
      LOG.debug("batch of {} failed ({}); replaying record by record", decoded.size(), batchFailure.toString());
      for (ConsumedEvent event : decoded) {
        handleOne(event);
      }
    }
  }

  private void handleOne(ConsumedEvent event) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        applyInTransaction(List.of(event));
        offsets.completed(event.record());
        return;
      } catch (Exception e) {
        boolean transientFailure = FailureClassifier.isTransient(e);
        if (!transientFailure || attempt >= settings.retry().maxAttempts()) {
          LOG.warn("event {} from {}-{}@{} goes to the dead-letter topic after {} attempt(s): {}",
              event.envelope().eventId(), event.record().topic(), event.record().partition(), event.record().offset(),
              attempt, e.toString());
          deadLetter(event.record(), transientFailure ? DeadLetterReason.RETRIES_EXHAUSTED
              : DeadLetterReason.PROCESSING_FAILED, e, attempt);
          return;
        }
        if (!running) {
          throw new ShutdownDuringBatch();
        }
        metrics.retried();
        Thread.sleep(settings.retry().backoffAfter(attempt).toMillis());
      }
    }
  }

  private void applyInTransaction(List<ConsumedEvent> events) throws Exception {
    long batchStart = System.nanoTime();
    Map<UUID, ConsumedEvent> byId = new LinkedHashMap<>();
    for (ConsumedEvent e : events) {
      if (byId.putIfAbsent(e.envelope().eventId(), e) != null) {
        metrics.record(e.record().topic(), Outcome.DUPLICATE, 1);
      }
    }
    Set<UUID> fresh = new HashSet<>();
    outcomes.clear();
    try (Connection tx = dataSource.getConnection()) {
      tx.setAutoCommit(false);
      try {
        Set<UUID> claimed = processed.claim(tx, settings.groupId(), byId.keySet());
        for (ConsumedEvent e : byId.values()) {
          if (!claimed.contains(e.envelope().eventId())) {
            continue;
          }
          metrics.recordAge(e.record().topic(), System.currentTimeMillis() - e.record().timestamp());
          long start = System.nanoTime();
          try (Scope ignored = tracing.start(e.record(), settings.groupId())) {
            process(e, tx);
          }
          metrics.processingTime(e.record().topic(), System.nanoTime() - start);
          fresh.add(e.envelope().eventId());
        }
        beforeCommit(tx);
        tx.commit();
      } catch (Exception | Error e) {
        rollbackQuietly(tx);
        afterRollback();
        throw e;
      }
    }
    afterCommit();
    metrics.batchTime(System.nanoTime() - batchStart);
    for (ConsumedEvent e : byId.values()) {
      Outcome outcome = fresh.contains(e.envelope().eventId())
          ? outcomes.getOrDefault(e.envelope().eventId(), Outcome.PROCESSED) : Outcome.DUPLICATE;
      metrics.record(e.record().topic(), outcome, 1);
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, Throwable error, int attempts)
      throws InterruptedException {
    // The offset may only move past this record once the DLQ has it: keep trying while running.
    for (int attempt = 1; ; attempt++) {
      try {
        deadLetters.publish(record, settings.groupId(), reason, error, attempts);
        offsets.completed(record);
        metrics.record(record.topic(), Outcome.DEAD_LETTERED, 1);
        return;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn("dead-letter publish failed (attempt {}): {}", attempt, e.toString());
        if (!running) {
          throw new ShutdownDuringBatch();
        }
        Thread.sleep(settings.retry().backoffAfter(attempt).toMillis());
      }
    }
  }

  /**
   * In the loop: asynchronous, so the next fetch is not held up by the commit round trip. A lost async commit only
   * means redelivery, which the claim absorbs; revocation and shutdown commit synchronously.
   */
  private void commitAsync(KafkaConsumer<byte[], byte[]> consumer) {
    if (offsets.isEmpty()) {
      return;
    }
    consumer.commitAsync(offsets.drain(), (committed, error) -> {
      if (error != null) {
        LOG.debug("async offset commit of {} failed (a later commit covers it): {}", settings.groupId(),
            error.toString());
      }
    });
  }

  private void commit(KafkaConsumer<byte[], byte[]> consumer) {
    if (offsets.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.drain();
    try {
      consumer.commitSync(toCommit);
    } catch (KafkaException e) {
      // The partitions moved (or the broker is away): the new owner re-reads these records and the claim skips
      // what this instance already applied.
      LOG.warn("offset commit of {} failed: {}", settings.groupId(), e.toString());
    }
  }

  private void purgeProcessedIdsWhenDue() {
    Instant now = Instant.now();
    if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
      return;
    }
    lastPurge = now;
    try (Connection conn = dataSource.getConnection()) {
      int purged = processed.purgeOlderThan(conn, settings.processedIdRetention());
      if (purged > 0) {
        LOG.info("forgot {} processed ids of {} older than {}", purged, settings.groupId(),
            settings.processedIdRetention());
      }
    } catch (Exception e) {
      LOG.warn("purging processed ids failed (will retry): {}", e.toString());
    }
  }

  private static void rollbackQuietly(Connection tx) {
    try {
      tx.rollback();
    } catch (Exception e) {
      LOG.debug("rollback failed: {}", e.toString());
    }
  }

  /** Leaves a batch mid-way on shutdown; its unfinished records stay uncommitted and are redelivered. */
  private static final class ShutdownDuringBatch extends RuntimeException {
    ShutdownDuringBatch() {
      super(null, null, false, false);
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> consumer;

    Rebalance(KafkaConsumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Called inside poll(): no batch is in flight, so committing what completed hands over a clean position.
      commit(consumer);
      BaseStreamingConsumer.this.onPartitionsRevoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assignment = List.copyOf(consumer.assignment());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      offsets.drain();
      BaseStreamingConsumer.this.onPartitionsRevoked(partitions);
    }
  }
}
