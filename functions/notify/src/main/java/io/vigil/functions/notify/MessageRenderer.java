package io.vigil.functions.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a bus event into a {@link Message}. Known detail-types get a title field and ordered,
 * labelled facts; any other detail-type is rendered generically (title = detail-type, facts = the
 * top-level scalar detail fields), so a new event type needs no code.
 */
public final class MessageRenderer {

  /** Slack allows 10 fields per section; e-mails use the same list. */
  static final int MAX_FACTS = 10;
  static final int MAX_ITEMS = 100;
  static final int MAX_VALUE = 500;

  private record Layout(List<String> titleFields, List<String> factFields) {}

  // field names as documented in docs/events.md (schemaVersion 1); EventSamplesTest keeps the
  // samples equal to what the code emits and NotifySamplesTest renders every sample
  private static final Map<String, Layout> KNOWN = Map.ofEntries(
      Map.entry("Finding Opened", new Layout(List.of("title"), List.of("severity", "type",
          "controls", "accountId", "region", "resourceArn", "checkId", "dueDate", "owner",
          "findingId", "source"))),
      Map.entry("Finding Closed", new Layout(List.of("title"), List.of("severity", "status",
          "closedBy", "effectivenessReview", "ismsChange", "decisionReason", "resourceArn",
          "findingId"))),
      Map.entry("Evidence Recovered", new Layout(List.of("checkId"), List.of("resourceArn",
          "accountId", "region", "observedAt", "reason"))),
      Map.entry("Action Overdue", new Layout(List.of("findingTitle"), List.of("action", "owner",
          "dueDate", "daysOverdue", "severity", "findingType", "findingId", "actionId"))),
      Map.entry("Audit Due", new Layout(List.of("title"), List.of("plannedStart", "plannedEnd",
          "auditors", "scope", "criteria", "auditId"))),
      Map.entry("Audit Reminder", new Layout(List.of("title"), List.of("plannedStart",
          "daysBefore", "auditors", "scope", "auditId"))),
      Map.entry("Policy Review Due", new Layout(List.of("title"), List.of("owner", "reviewDue",
          "overdue", "lastReviewed", "version", "policyId"))),
      Map.entry("Evidence Task Due", new Layout(List.of("title"), List.of("owner", "nextDue",
          "overdue", "controls", "taskId"))),
      Map.entry("Summary Ready", new Layout(List.of("period"), List.of("kind", "controlsPassing",
          "controlsFailing", "findingsOpen", "actionsOverdue", "summaryId"))),
      Map.entry("Run Completed", new Layout(List.of(), List.of("trigger", "targets", "pass",
          "fail", "error", "findingsOpened", "runId"))));

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("accountId", "Account"), Map.entry("resourceArn", "Resource"),
      Map.entry("checkId", "Check"), Map.entry("dueDate", "Due"),
      Map.entry("findingId", "Finding"), Map.entry("runId", "Run"),
      Map.entry("findingsOpened", "Findings opened"), Map.entry("daysOverdue", "Days overdue"),
      Map.entry("findingType", "Finding type"), Map.entry("actionId", "Action id"),
      Map.entry("plannedStart", "Starts"), Map.entry("plannedEnd", "Ends"),
      Map.entry("daysBefore", "Days before"), Map.entry("reviewDue", "Review due"),
      Map.entry("lastReviewed", "Last reviewed"), Map.entry("closedBy", "Closed by"),
      Map.entry("effectivenessReview", "Effectiveness review"),
      Map.entry("ismsChange", "ISMS change"), Map.entry("decisionReason", "Decision"),
      Map.entry("observedAt", "Observed"), Map.entry("controlsPassing", "Controls passing"),
      Map.entry("controlsFailing", "Controls failing"), Map.entry("findingsOpen", "Open findings"),
      Map.entry("actionsOverdue", "Actions overdue"), Map.entry("nextDue", "Next due"));

  private static final Set<String> HIDDEN = Set.of("schemaVersion", "url", "findings",
      "findingsTruncated");

  private MessageRenderer() {}

  /** Renders an event; {@code digest} lists a Run Completed event's findings. */
  public static Message render(NotifyEvent event, boolean digest) {
    var layout = KNOWN.get(event.detailType());
    var title = title(event, layout);
    var shown = new LinkedHashSet<String>();
    var facts = new ArrayList<Message.Fact>();
    if (layout != null) {
      for (var f : layout.factFields()) {
        addFact(event, f, facts, shown);
      }
      // further fields the known layout does not name (newer schema versions)
      for (var f : event.detail().keySet()) {
        if (!layout.titleFields().contains(f)) {
          addFact(event, f, facts, shown);
        }
      }
    } else {
      for (var f : event.detail().keySet()) {
        addFact(event, f, facts, shown);
      }
    }
    var items = new ArrayList<Message.Item>();
    int more = 0;
    if (digest && "Run Completed".equals(event.detailType())) {
      var findings = Json.list(event.detail().get("findings"));
      for (var f : findings) {
        if (!(f instanceof Map<?, ?> m)) {
          continue;
        }
        if (items.size() >= MAX_ITEMS) {
          more++;
          continue;
        }
        items.add(new Message.Item(str(m.get("severity")), str(m.get("title")),
            str(m.get("resourceArn"))));
      }
      var opened = event.text("findingsOpened").map(MessageRenderer::parseIntOrNull);
      if (opened.isPresent() && opened.get() != null) {
        more = Math.max(more, opened.get() - items.size());
      }
    }
    return new Message(event.detailType(), title, facts, items, more, context(event),
        link(event));
  }

  /** The console/"Open" link: the detail's http(s) {@code url}, else a console link to the ARN. */
  static Optional<Message.Link> link(NotifyEvent event) {
    var url = event.text("url").filter(MessageRenderer::isWebUrl);
    if (url.isPresent()) {
      return Optional.of(new Message.Link(url.get(), "Open in Vigil"));
    }
    return event.text("resourceArn").filter(a -> a.startsWith("arn:"))
        .map(arn -> new Message.Link(consoleLink(arn), "Open in AWS console"));
  }

  /** The AWS console's ARN resolver link for a resource. */
  static String consoleLink(String arn) {
    return "https://console.aws.amazon.com/go/view?arn="
        + URLEncoder.encode(arn, StandardCharsets.UTF_8);
  }

  static boolean isWebUrl(String url) {
    try {
      var u = new URI(url);
      var scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static String title(NotifyEvent event, Layout layout) {
    if (layout == null) {
      return event.detailType();
    }
    if ("Run Completed".equals(event.detailType())) {
      return event.text("runId").map(r -> "run " + r).orElse("collection run");
    }
    for (var f : layout.titleFields()) {
      var t = event.text(f);
      if (t.isPresent()) {
        return truncate(t.get(), 200);
      }
    }
    return event.detailType();
  }

  private static void addFact(NotifyEvent event, String field, List<Message.Fact> facts,
      Set<String> shown) {
    if (facts.size() >= MAX_FACTS || HIDDEN.contains(field) || !shown.add(field)) {
      return;
    }
    var v = event.detail().get(field);
    String value;
    if (v instanceof List<?> l) {
      if (l.isEmpty() || l.stream().anyMatch(x -> x instanceof Map || x instanceof List)) {
        return;
      }
      value = String.join(", ", l.stream().map(String::valueOf).toList());
    } else if (v == null || v instanceof Map) {
      return;
    } else {
      value = String.valueOf(v);
    }
    if (value.isBlank()) {
      return;
    }
    facts.add(new Message.Fact(label(field), truncate(value, MAX_VALUE)));
  }

  /** {@code resourceArn} -> {@code Resource}; {@code daysUntil} -> {@code Days until}. */
  static String label(String field) {
    var known = LABELS.get(field);
    if (known != null) {
      return known;
    }
    var sb = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (i == 0) {
        sb.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else if (c == '_' || c == '-') {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String context(NotifyEvent event) {
    var parts = new ArrayList<String>();
    parts.add("Vigil");
    parts.add(event.detailType());
    event.subjectAccount().ifPresent(a -> parts.add("account " + a));
    event.text("runId").ifPresent(r -> parts.add("run " + r));
    if (event.time() != null) {
      parts.add(event.time());
    }
    parts.add("event " + event.id());
    return String.join(" · ", parts);
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String str(Object o) {
    return o == null ? "" : truncate(String.valueOf(o), 300);
  }

  private static Integer parseIntOrNull(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
