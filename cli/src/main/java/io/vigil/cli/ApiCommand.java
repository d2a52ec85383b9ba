package io.vigil.cli;

import io.vigil.domain.access.Role;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that talks to Vigil's records API (the findings-api function) as a person:
 * {@code vigil findings ...} and the audit-record commands of {@code vigil audits ...}. It builds
 * the API Gateway HTTP API event the API would receive, runs the handler in-process against the
 * target of {@link AwsOptions}, and prints the response body as JSON on standard output; an error
 * response (problem+json) is printed too, with its detail on standard error, and exits 1.
 */
abstract class ApiCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  AwsOptions aws;

  @Mixin
  Identity identity;

  /** Who acts: {@code --as}/{@code --role}, else {@code VIGIL_ACTOR}/{@code VIGIL_ROLE}. */
  static final class Identity {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--as", paramLabel = "EMAIL",
        description = "Act as this person (subject and e-mail). Default: $VIGIL_ACTOR.")
    String as;

    @Option(names = "--role", paramLabel = "ROLE",
        description = "Role(s) of the acting person, comma-separated: isms-manager, auditor,"
            + " owner, viewer. Default: $VIGIL_ROLE.")
    String role;

    HttpApiEvent apply(HttpApiEvent event, UnaryOperator<String> env) {
      var who = AwsOptions.first(as, env.apply("VIGIL_ACTOR")).orElseThrow(() -> usage(
          "no acting identity: pass --as EMAIL (or set VIGIL_ACTOR)"));
      var roles = AwsOptions.first(role, env.apply("VIGIL_ROLE")).orElseThrow(() -> usage(
          "no role for " + who + ": pass --role isms-manager|auditor|owner|viewer (or set"
              + " VIGIL_ROLE)"));
      var groups = new ArrayList<String>();
      for (var r : roles.split(",")) {
        var parsed = Role.fromClaim(r).orElseThrow(() -> usage("unknown role '" + r.trim()
            + "': use isms-manager, auditor, owner or viewer"));
        groups.add(parsed.claim());
      }
      return event.as(who, who.contains("@") ? who : null, groups);
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  /** The {@code vigil} command this runs under (environment, progress). */
  VigilCli root() {
    return (VigilCli) spec.root().userObject();
  }

  @Override
  public Integer call() {
    var env = root().env();
    var target = aws.resolve(env, null, false);
    // resolve the identity and the input before starting anything (a usage error exits 2)
    identity.apply(HttpApiEvent.request("GET", "/"), env);
    prepare();
    try (var session = FindingsSession.open(target)) {
      return answer(session, event -> identity.apply(event, env));
    }
  }

  /**
   * Reads and checks what the command sends (input files, option combinations) before the
   * function starts; throws a {@link picocli.CommandLine.ParameterException} (exit 2) or a
   * {@link CommandFailure} (exit 1).
   */
  void prepare() {}

  /**
   * Sends this command's request(s) and prints the answer; {@code as} adds the identity to an
   * event. Returns the exit code.
   */
  abstract int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as);

  /** A command whose answer is one JSON response, printed by {@link #print}. */
  abstract static class JsonCommand extends ApiCommand {

    @Override
    int answer(FindingsSession session, UnaryOperator<HttpApiEvent> as) {
      return print(run(session, as));
    }

    /** Sends this command's request(s); the response to print. */
    abstract FindingsSession.Response run(FindingsSession session,
        UnaryOperator<HttpApiEvent> as);
  }

  /** A short line for standard error about a successful answer; null for none. */
  String summary(FindingsSession.Response response) {
    return null;
  }

  /** The body as JSON on standard output; a refusal's detail on standard error (exit 1). */
  int print(FindingsSession.Response response) {
    var out = spec.commandLine().getOut();
    out.println(Json.write(response.body()));
    out.flush();
    if (!response.ok()) {
      return refused(response);
    }
    var line = summary(response);
    if (line != null) {
      root().progress().step(line);
    }
    return VigilCli.OK;
  }

  /** Prints an error response's status, title and detail on standard error; exit 1. */
  int refused(FindingsSession.Response response) {
    var err = spec.commandLine().getErr();
    err.println("vigil: " + response.status() + " " + response.body().get("title") + ": "
        + response.body().get("detail"));
    err.flush();
    return VigilCli.FAILURE;
  }

  /** Puts {@code value} into a request body unless it is null (an option not given). */
  static void putIf(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  /** The ETag read first, or the failed read's response (e.g. 404) to print instead. */
  record Read(String etag, FindingsSession.Response failure) {

    /** The version the caller named ({@code --if-match N}). */
    static Read given(long version) {
      return new Read("\"" + version + "\"", null);
    }
  }

  /** Reads {@code path} (a finding or an audit) for its current ETag. */
  static Read currentEtag(FindingsSession session, UnaryOperator<HttpApiEvent> as, String path) {
    var read = session.call(as.apply(HttpApiEvent.request("GET", path)));
    return read.ok() ? new Read(read.headers().get("etag"), null) : new Read(null, read);
  }
}
