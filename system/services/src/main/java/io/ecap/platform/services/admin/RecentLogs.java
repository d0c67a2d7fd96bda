package io.ecap.platform.services.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * The process's most recent log lines, exactly as written to its JSON log (same encoder), so that a test can
 * find the lines of one trace over HTTP ({@code GET /admin/logs?traceId=}) wherever the platform runs. OFF
 * unless the platform is started with it ({@code --embedded}, or {@code ECAP_LOG_ACCESS=true} for a service).
 */
public final class RecentLogs extends AppenderBase<ILoggingEvent> {

  public static final String ENABLED_VARIABLE = "ECAP_LOG_ACCESS";
  private static final String APPENDER_NAME = "ECAP_RECENT_LOGS";

  private record Line(String traceId, String json) {
  }

  private final int capacity;
  private final Deque<Line> lines = new ArrayDeque<>();
  private final LogstashEncoder encoder = new LogstashEncoder();

  RecentLogs(int capacity) {
    this.capacity = capacity;
  }

  /** Attaches a buffer of the last {@code capacity} lines to the root logger. */
  public static RecentLogs install(int capacity) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    RecentLogs logs = new RecentLogs(capacity);
    logs.setName(APPENDER_NAME);
    logs.setContext(context);
    logs.encoder.setContext(context);
    logs.encoder.getFieldNames().setLevelValue("[ignore]");
    logs.encoder.start();
    logs.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
    return logs;
  }

  public static boolean requested(java.util.Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault(ENABLED_VARIABLE, "").trim());
  }

  @Override
  protected void append(ILoggingEvent event) {
    String json = new String(encoder.encode(event), StandardCharsets.UTF_8).strip();
    Line line = new Line(event.getMDCPropertyMap().get("trace_id"), json);
    synchronized (lines) {
      lines.addLast(line);
      if (lines.size() > capacity) {
        lines.removeFirst();
      }
    }
  }

  /** The buffered lines of one trace, oldest first, at most {@code limit} (the newest ones). */
  public List<String> ofTrace(String traceId, int limit) {
    List<String> found = new ArrayList<>();
    synchronized (lines) {
      for (Iterator<Line> it = lines.descendingIterator(); it.hasNext() && found.size() < limit; ) {
        Line line = it.next();
        if (traceId.equals(line.traceId())) {
          found.add(line.json());
        }
      }
    }
    java.util.Collections.reverse(found);
    return found;
  }

  /** Detaches from the root logger. */
  public void uninstall() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }
}
