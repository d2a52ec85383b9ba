package io.vigil.cli;

import io.vigil.functions.findingsapi.HttpApiEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vigil findings}: the findings API for people and scripts. Each subcommand is an
 * {@link ApiCommand}: it builds the API Gateway HTTP API event the API would receive, runs the
 * findings-api handler in-process, and prints the response body as JSON on standard output; an
 * error response (problem+json) is printed too, and the command exits 1.
 */
@Command(
    name = "findings",
    mixinStandardHelpOptions = true,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Findings and corrective actions (clause 10.2), through the findings API.",
    description = {
        "Runs the findings-api function in-process as the person named by --as and --role",
        "(default: $VIGIL_ACTOR, $VIGIL_ROLE), prints the API's JSON response, and exits 1 on",
        "an error response (problem+json on standard output, its detail on standard error).",
        ""},
    subcommands = {
        FindingsCommand.ListFindings.class, FindingsCommand.Show.class,
        FindingsCommand.Create.class, FindingsCommand.Transition.class,
        FindingsCommand.AddAction.class, FindingsCommand.UpdateAction.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  export VIGIL_ACTOR=auditor@acme.example VIGIL_ROLE=auditor",
        "  vigil findings create --title 'No access reviews' --type MINOR_NONCONFORMITY \\",
        "      --source INTERNAL_AUDIT --control A.5.18 --description 'None in 2026' \\",
        "      --owner owner@acme.example --endpoint-url http://127.0.0.1:5000",
        "  vigil findings transition F-... --status CORRECTED --field correction='Revoked' \\",
        "      --as owner@acme.example --role owner --endpoint-url http://127.0.0.1:5000",
        "  vigil findings list --status OPEN --endpoint-url http://127.0.0.1:5000"})
final class FindingsCommand implements Callable<Integer> {

  @ParentCommand
  VigilCli root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    err.println("vigil findings: missing command");
    spec.commandLine().usage(err);
    return VigilCli.USAGE;
  }

  /** What every subcommand shares: {@link ApiCommand}, and reading a finding's version. */
  abstract static class Base extends ApiCommand.JsonCommand {

    /** Reads the current ETag of the finding, or of its action when {@code actionId} is given. */
    static Read currentEtag(FindingsSession session, UnaryOperator<HttpApiEvent> as, String id,
        String actionId) {
      if (actionId == null) {
        return currentEtag(session, as, "/findings/" + id);
      }
      var read = session.call(as.apply(HttpApiEvent.request("GET", "/findings/" + id)));
      if (!read.ok()) {
        return new Read(null, read);
      }
      for (var a : (List<?>) read.body().getOrDefault("actions", List.of())) {
        var action = (Map<?, ?>) a;
        if (actionId.equals(action.get("id"))) {
          return new Read("\"" + action.get("version") + "\"", null);
        }
      }
      // no such action: any version will do, the API answers 404 for it
      return new Read("\"0\"", null);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      description = "List findings, newest first (GET /findings).")
  static final class ListFindings extends Base {
    @Option(names = "--status", description = "OPEN, CORRECTED, ..., CLOSED.") String status;
    @Option(names = "--type", description = "MAJOR_NONCONFORMITY, ..., OBSERVATION.") String type;
    @Option(names = "--source", description = "INTERNAL_AUDIT, EXTERNAL_AUDIT, ...") String source;
    @Option(names = "--control", description = "Annex A control, e.g. A.8.24.") String control;
    @Option(names = "--owner", description = "Owner's e-mail.") String owner;
    @Option(names = "--overdue", description = "Only open findings past their due date.")
    boolean overdue;
    @Option(names = "--limit", description = "Page size 1..100 (default 25).") Integer limit;
    @Option(names = "--cursor", description = "nextCursor of the previous page.") String cursor;

    @Override
    FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/findings")
          .query("status", status).query("type", type).query("source", source)
          .query("control", control).query("owner", owner)
          .query("overdue", overdue ? "true" : null)
          .query("limit", limit == null ? null : limit.toString()).query("cursor", cursor)));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, usageHelpWidth = VigilCli.HELP_WIDTH,
      description = "Show a finding with its actions and next states (GET /findings/{id}), or"
          + " its history.")
  static final class Show extends Base {
    @Parameters(index = "0", paramLabel = "ID", description = "The finding, F-...") String id;
    @Option(names = "--history", description = "Print its history instead.") boolean history;

    @Override
    FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as) {
      return session.call(as.apply(HttpApiEvent.request("GET", "/findings/" + id
          + (history ? "/history" : ""))));
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH, description = "Raise a finding (POST /findings).")
  static final class Create extends Base {
    @Option(names = "--title", required = true) String title;
    @Option(names = "--type", required = true,
        description = "MAJOR_NONCONFORMITY, MINOR_NONCONFORMITY, OBSERVATION,"
            + " OPPORTUNITY_FOR_IMPROVEMENT.") String type;
    @Option(names = "--source", required = true,
        description = "INTERNAL_AUDIT, EXTERNAL_AUDIT, INCIDENT, MANAGEMENT_REVIEW.")
    String source;
    @Option(names = "--control", required = true, paramLabel = "A.x.y",
        description = "Annex A control (repeatable).") List<String> controls;
    @Option(names = "--description", required = true) String description;
    @Option(names = "--owner", paramLabel = "EMAIL") String owner;
    @Option(names = "--due-date", paramLabel = "YYYY-MM-DD") String dueDate;
    @Option(names = "--audit-id") String auditId;

    @Override
    FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as) {
      var body = new LinkedHashMap<String, Object>();
      body.put("title", title);
      body.put("type", type);
      body.put("source", source);
      body.put("controls", controls);
      body.put("description", description);
      putIf(body, "owner", owner);
      putIf(body, "dueDate", dueDate);
      putIf(body, "auditId", auditId);
      return session.call(as.apply(HttpApiEvent.request("POST", "/findings")
          .body(Json.write(body))));
    }
  }

  @Command(name = "transition", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      description = "Move a finding to its next state (PATCH /findings/{id} with status).")
  static final class Transition extends Base {
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Option(names = "--status", required = true, paramLabel = "STATUS",
        description = "The next state, e.g. CORRECTED.") String status;
    @Option(names = "--field", paramLabel = "NAME=VALUE",
        description = "A field the state records (repeatable): correction, rootCause,"
            + " similarNonconformities, effectivenessReview, ismsChange, decisionReason.")
    Map<String, String> fields = new LinkedHashMap<>();
    @Option(names = "--if-match", paramLabel = "VERSION",
        description = "The version you read (default: read the finding first).") Long ifMatch;

    @Override
    FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as) {
      var body = new LinkedHashMap<String, Object>();
      body.put("status", status);
      body.putAll(fields);
      var read = ifMatch != null ? Read.given(ifMatch)
          : currentEtag(session, as, id, null);
      if (read.failure() != null) {
        return read.failure();
      }
      var etag = read.etag();
      return session.call(as.apply(HttpApiEvent.request("PATCH", "/findings/" + id)
          .header("if-match", etag).body(Json.write(body))));
    }
  }

  @Command(name = "add-action", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      description = "Add a corrective action (POST /findings/{id}/actions).")
  static final class AddAction extends Base {
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Option(names = "--description", required = true) String description;
    @Option(names = "--owner", required = true, paramLabel = "EMAIL") String owner;
    @Option(names = "--due-date", required = true, paramLabel = "YYYY-MM-DD") String dueDate;
    @Option(names = "--effectiveness-criteria") String criteria;

    @Override
    FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as) {
      var body = new LinkedHashMap<String, Object>();
      body.put("description", description);
      body.put("owner", owner);
      body.put("dueDate", dueDate);
      putIf(body, "effectivenessCriteria", criteria);
      return session.call(as.apply(HttpApiEvent.request("POST", "/findings/" + id + "/actions")
          .body(Json.write(body))));
    }
  }

  @Command(name = "update-action", mixinStandardHelpOptions = true,
      usageHelpWidth = VigilCli.HELP_WIDTH,
      description = "Update a corrective action (PATCH /findings/{id}/actions/{actionId}).")
  static final class UpdateAction extends Base {
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1", paramLabel = "ACTION_ID") String actionId;
    @Option(names = "--status", description = "PLANNED, IN_PROGRESS, IMPLEMENTED, CANCELLED.")
    String status;
    @Option(names = "--description") String description;
    @Option(names = "--owner", paramLabel = "EMAIL") String owner;
    @Option(names = "--due-date", paramLabel = "YYYY-MM-DD") String dueDate;
    @Option(names = "--effectiveness-criteria") String criteria;
    @Option(names = "--if-match", paramLabel = "VERSION",
        description = "The action's version you read (default: read it first).") Long ifMatch;

    @Override
    FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as) {
      var body = new LinkedHashMap<String, Object>();
      putIf(body, "status", status);
      putIf(body, "description", description);
      putIf(body, "owner", owner);
      putIf(body, "dueDate", dueDate);
      putIf(body, "effectivenessCriteria", criteria);
      var read = ifMatch != null ? Read.given(ifMatch)
          : currentEtag(session, as, id, actionId);
      if (read.failure() != null) {
        return read.failure();
      }
      var etag = read.etag();
      return session.call(as.apply(HttpApiEvent.request("PATCH", "/findings/" + id
          + "/actions/" + actionId).header("if-match", etag).body(Json.write(body))));
    }
  }
}
