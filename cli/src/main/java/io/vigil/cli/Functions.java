package io.vigil.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions {@code vigil invoke} can run in-process: one row per Lambda function, naming how to
 * run its handler. Adding a function is adding a row.
 */
final class Functions {

  /** Runs one function's handler on a decoded event and returns its response as a JSON tree. */
  @FunctionalInterface
  interface Invoker {
    Object invoke(AwsTarget target, Map<String, Object> event, ConsoleProgress progress)
        throws Exception;
  }

  /**
   * A function: name as in {@code events/<name>/}, a one-line description, its invoker, and
   * whether it needs the evidence bucket.
   */
  record Function(String name, String description, Invoker invoker, boolean needsBucket) {
    Function(String name, String description, Invoker invoker) {
      this(name, description, invoker, true);
    }
  }

  private static final Map<String, Function> ALL = new LinkedHashMap<>();

  static {
    register(new Function("collect-evidence",
        "EventBridge schedule, Config change or CloudTrail call: collects evidence",
        Functions::collectEvidence));
    register(new Function("collect-evidence-queue",
        "SQS fan-out: collects the account x region units of a run (batch item failures)",
        Functions::collectEvidenceQueue));
    register(new Function("findings-api",
        "API Gateway HTTP API request (findings, actions, audits) or the overdue sweep",
        Functions::findingsApi, false));
    register(new Function("notify",
        "Vigil bus event: Slack/e-mail per the routes (renders to stdout when none configured)",
        Functions::notify, false));
    register(new Function("summarize-performance",
        "EventBridge Scheduler: the weekly summary or the management review pack of a period",
        Functions::summarizePerformance));
  }

  private Functions() {}

  private static void register(Function f) {
    ALL.put(f.name(), f);
  }

  static Optional<Function> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  private static Object collectEvidenceQueue(
      AwsTarget target, Map<String, Object> event, ConsoleProgress progress) throws Exception {
    try (var handler = new io.vigil.functions.collectevidence.CollectEvidenceQueueHandler(
        io.micronaut.context.ApplicationContext.builder().properties(target.properties()))) {
      return handler.handleRequest(event, null);
    }
  }

  private static Object findingsApi(
      AwsTarget target, Map<String, Object> event, ConsoleProgress progress) throws Exception {
    try (var session = FindingsSession.open(target)) {
      return session.handle(event);
    }
  }

  private static Object notify(
      AwsTarget target, Map<String, Object> event, ConsoleProgress progress) throws Exception {
    try (var handler = new io.vigil.functions.notify.NotifyHandler(
        io.micronaut.context.ApplicationContext.builder().properties(target.properties()))) {
      if (!handler.configured()) {
        progress.step("no notification target configured (set VIGIL_NOTIFY_SLACK_WEBHOOK_SECRET"
            + " or VIGIL_NOTIFY_ROUTES); printing the rendered message instead of sending");
        return io.vigil.functions.notify.NotifyHandler.preview(event);
      }
      return handler.handleRequest(event, null);
    } catch (io.vigil.functions.notify.InvalidEventException e) {
      throw new CommandFailure("notify rejected the event: " + e.getMessage(), e);
    }
  }

  private static Object summarizePerformance(
      AwsTarget target, Map<String, Object> event, ConsoleProgress progress) throws Exception {
    try (var handler = new io.vigil.functions.summarizeperformance.SummarizePerformanceHandler(
        io.micronaut.context.ApplicationContext.builder().properties(target.properties()))) {
      return handler.handleRequest(event, null);
    }
  }

  private static Object collectEvidence(
      AwsTarget target, Map<String, Object> event, ConsoleProgress progress) throws Exception {
    try (var session = CollectionSession.open(target)) {
      return session.toJsonTree(session.run(event, progress));
    }
  }
}
