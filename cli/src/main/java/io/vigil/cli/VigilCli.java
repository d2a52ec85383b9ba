package io.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code vigil} command: runs Vigil's functions in-process against an AWS emulator or a real
 * account. Exit codes: 0 success, 1 failure, 2 usage error; every error prints a one-line reason on
 * standard error (and a stack trace with {@code --verbose}). Standard output carries only results
 * (JSON or the demo's summary), so it can be piped.
 */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VigilCli.Version.class,
    usageHelpWidth = VigilCli.HELP_WIDTH,
    header = "Vigil: ISO/IEC 27001:2022 evidence automation for AWS.",
    description = {
        "Runs Vigil's Lambda functions in-process, against an AWS emulator (moto, LocalStack) or a"
            + " real account. Standard output carries the results; progress and logs go to"
            + " standard error.",
        ""},
    subcommands = {
        DemoCommand.class, InitCommand.class, CollectCommand.class, ControlsCommand.class,
        AuditsCommand.class,
        VerifyCommand.class, FindingsCommand.class, RegisterCommands.Registers.class,
        RegisterCommands.Risks.class, RegisterCommands.EvidenceTasks.class, SoaCommand.class,
        InvokeCommand.class, ReportCommand.class, HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  vigil demo                 watch Vigil find misconfigurations in an emulated account",
        "  vigil init --endpoint-url http://127.0.0.1:5000",
        "  vigil collect --endpoint-url http://127.0.0.1:5000 --output r.json",
        "  vigil collect --bucket my-evidence-bucket > results.json      (real AWS)",
        "  vigil collect --bucket B --regions all --accounts organization \\",
        "      --role-name VigilCollector --external-id X --format ocsf > findings.ocsf.json",
        "  vigil controls --format csv > annex-a-coverage.csv",
        "  vigil controls --results r.json               (roll up a run per Annex A control)",
        "  vigil verify --endpoint-url http://127.0.0.1:5000",
        "  vigil invoke collect-evidence events/collect-evidence/scheduled-run.json \\",
        "      --endpoint-url http://127.0.0.1:5000",
        "  vigil findings list --status OPEN --as me@acme.example --role viewer \\",
        "      --endpoint-url http://127.0.0.1:5000",
        "  vigil audits plan --config events/schedule-audits/programme.json --output plan.json",
        "  vigil audits export --plan plan.json --format ics --output audits.ics",
        "  vigil audits conclude AUD-... --item A.8.24 --conclusion CONFORMING \\",
        "      --as carol@acme.example --role auditor --endpoint-url http://127.0.0.1:5000",
        "  vigil registers create risks --file events/registers/risks.json \\",
        "      --as isms@acme.example --role isms-manager --endpoint-url http://127.0.0.1:5000",
        "  vigil risks approve-treatment R-... --as cto@acme.example --role owner",
        "  vigil soa show     vigil soa approve     vigil soa export --format html -o soa.html",
        "",
        "Environment:",
        "  AWS_ENDPOINT_URL        endpoint when --endpoint-url is not given",
        "  AWS_REGION              region when --region is not given (also AWS_DEFAULT_REGION)",
        "  AWS_ACCESS_KEY_ID, ...  credentials: for real AWS the SDK's default chain (environment,",
        "                          profile, SSO, instance role); for an endpoint the dummy",
        "                          test/test unless AWS_ACCESS_KEY_ID is set",
        "  VIGIL_EVIDENCE_BUCKET   evidence bucket when --bucket is not given",
        "  VIGIL_TABLE_NAME        table when --table is not given",
        "  VIGIL_REGIONS           regions to scan when --regions is not given",
        "  VIGIL_ACCOUNTS          member accounts when --accounts is not given",
        "  VIGIL_MEMBER_ROLE_NAME, VIGIL_MEMBER_EXTERNAL_ID   role assumed in member accounts",
        "  VIGIL_ACTOR, VIGIL_ROLE person and role(s) 'vigil findings', the audit records",
        "                          commands ('vigil audits start', ...), 'vigil registers',",
        "                          'risks', 'evidence-tasks' and 'soa' act as (--as, --role)",
        "  VIGIL_EVENT_BUS_NAME    bus of the findings-api overdue sweep's events (default vigil)",
        "  VIGIL_MOTO_SERVER       path of moto_server for 'vigil demo' if it is not on the PATH",
        "",
        "Exit codes: 0 success, 1 failure, 2 usage error."})
public final class VigilCli implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int HELP_WIDTH = 100;

  @Spec
  CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log at info level and print stack traces of errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "Print no progress on standard error.")
  boolean quiet;

  private final UnaryOperator<String> env;

  /** A CLI reading the process environment. */
  public VigilCli() {
    this(System::getenv);
  }

  /** A CLI reading {@code env} instead of the process environment (tests). */
  public VigilCli(UnaryOperator<String> env) {
    this.env = env;
  }

  /** Entry point of {@code java -jar cli/target/vigil.jar}. */
  public static void main(String[] args) {
    configureLogging(wantsVerbose(args));
    System.exit(new VigilCli().commandLine().execute(args));
  }

  /** The configured command line: error handlers and exit codes as documented. */
  public CommandLine commandLine() {
    var cmd = new CommandLine(this);
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      var err = commandLine.getErr();
      err.println("vigil: " + Failures.describe(ex));
      if (verbose) {
        ex.printStackTrace(err);
      }
      err.flush();
      return FAILURE;
    });
    cmd.setParameterExceptionHandler(VigilCli::usageError);
    return cmd;
  }

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    err.println("vigil: missing command");
    spec.commandLine().usage(err);
    return USAGE;
  }

  UnaryOperator<String> env() {
    return env;
  }

  boolean verbose() {
    return verbose;
  }

  ConsoleProgress progress() {
    return new ConsoleProgress(spec.commandLine().getErr(), quiet);
  }

  /** Usage errors: the reason, suggestions for a mistyped name, and where to find help. */
  static int usageError(ParameterException ex, String[] args) {
    var cmd = ex.getCommandLine();
    var err = cmd.getErr();
    err.println("vigil: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }

  /** slf4j-simple writes to standard error, at warn level unless verbose. */
  static void configureLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    if (!verbose) {
      // it logs a failed handler start with a full stack trace; the CLI reports it in one line
      System.setProperty(
          "org.slf4j.simpleLogger.log.io.micronaut.function.aws.MicronautRequestHandler", "off");
    }
  }

  private static boolean wantsVerbose(String[] args) {
    for (var a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals("--verbose") || a.matches("-[a-zA-Z]*v[a-zA-Z]*")) {
        return true;
      }
    }
    return false;
  }

  /** The version from the jar's Maven metadata. */
  static final class Version implements IVersionProvider {

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}, or "development". */
    static final String VERSION = read();

    @Override
    public String[] getVersion() {
      return new String[] {"vigil " + VERSION};
    }

    private static String read() {
      try (InputStream in = VigilCli.class.getResourceAsStream(
          "/META-INF/maven/io.vigil/vigil-cli/pom.properties")) {
        if (in == null) {
          return "development";
        }
        var p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}
