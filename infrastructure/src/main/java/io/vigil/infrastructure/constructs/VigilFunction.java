package io.vigil.infrastructure.constructs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Every Vigil function is one of these: a managed Java runtime on arm64 from a shaded jar, with
 * SnapStart on published versions, a version published on each change behind the alias
 * {@value #ALIAS} (what every trigger invokes), its own log group with retention, X-Ray active
 * tracing, JSON logs, environment variables from the props, an optional reserved concurrency and an
 * optional on-failure destination for asynchronous invocations (EventBridge and Scheduler invoke
 * asynchronously; what still fails after Lambda's retries lands there instead of being dropped).
 *
 * <p>Its role starts empty (no AWS managed policy): write access to its own log group, tracing,
 * and whatever the stack grants through {@link #role()} or the alias. Functions that act as one
 * principal (the collector's) share a role passed in the props.
 */
public final class VigilFunction extends Construct {

  /** The alias every trigger (rule, schedule, queue, API) invokes. */
  public static final String ALIAS = "live";

  /** What one function needs. */
  public record Props(
      String functionName,
      String description,
      String codePath,
      String handler,
      Runtime runtime,
      int memoryMb,
      Duration timeout,
      Map<String, String> environment,
      RetentionDays logRetention,
      Integer reservedConcurrency,
      IQueue onFailure,
      Integer asyncRetryAttempts,
      IRole role) {

    public Props {
      Objects.requireNonNull(codePath, "codePath");
      Objects.requireNonNull(handler, "handler");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(logRetention, "logRetention");
      if (handler.contains("::")) {
        // micronaut-aws#2000: the runtime fails with "Type [I] must be a Class" for Class::method
        throw new IllegalArgumentException("handler must be the class name only, got " + handler);
      }
      environment = Map.copyOf(environment == null ? Map.of() : environment);
    }

    /** Starts props with the defaults every function shares. */
    public static Builder builder(String codePath, String handler) {
      return new Builder(codePath, handler);
    }
  }

  /** Builder of {@link Props}; defaults: 1024 MB, 60 s, 2 async retries, no reservation. */
  public static final class Builder {
    private final String codePath;
    private final String handler;
    private String functionName;
    private String description;
    private Runtime runtime = Runtime.JAVA_25;
    private int memoryMb = 1024;
    private Duration timeout = Duration.seconds(60);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private RetentionDays logRetention = RetentionDays.ONE_YEAR;
    private Integer reservedConcurrency;
    private IQueue onFailure;
    private Integer asyncRetryAttempts;
    private IRole role;

    private Builder(String codePath, String handler) {
      this.codePath = codePath;
      this.handler = handler;
    }

    public Builder functionName(String v) {
      this.functionName = v;
      return this;
    }

    public Builder description(String v) {
      this.description = v;
      return this;
    }

    public Builder runtime(Runtime v) {
      this.runtime = v;
      return this;
    }

    public Builder memoryMb(int v) {
      this.memoryMb = v;
      return this;
    }

    public Builder timeout(Duration v) {
      this.timeout = v;
      return this;
    }

    public Builder env(String key, String value) {
      if (value != null && !value.isBlank()) {
        environment.put(key, value);
      }
      return this;
    }

    public Builder logRetention(RetentionDays v) {
      this.logRetention = v;
      return this;
    }

    public Builder reservedConcurrency(Integer v) {
      this.reservedConcurrency = v;
      return this;
    }

    /** Asynchronous invocations that still fail after the retries go to this queue. */
    public Builder onFailure(IQueue queue, int retryAttempts) {
      this.onFailure = queue;
      this.asyncRetryAttempts = retryAttempts;
      return this;
    }

    /** Runs the function with this (shared) role instead of a role of its own. */
    public Builder role(IRole v) {
      this.role = v;
      return this;
    }

    public Props build() {
      return new Props(functionName, description, codePath, handler, runtime, memoryMb, timeout,
          environment, logRetention, reservedConcurrency, onFailure, asyncRetryAttempts, role);
    }
  }

  private final IRole role;
  private final LogGroup logGroup;
  private final Function function;
  private final Alias alias;

  /**
   * JVM options of every function unless its environment sets its own: C1 only. A function's work
   * is short and I/O bound, so C2's later peak speed never pays for its compile time; measured
   * cold start with these options against the default in docs/performance.md ("Cold start").
   */
  public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  private static Map<String, String> withJvmOptions(Map<String, String> environment) {
    var merged = new LinkedHashMap<String, String>(environment);
    merged.putIfAbsent("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    return merged;
  }

  public VigilFunction(Construct scope, String id, Props props) {
    super(scope, id);
    this.role = props.role() != null ? props.role() : Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description("Execution role of the Vigil function " + id)
        .build();
    this.logGroup = LogGroup.Builder.create(this, "Logs")
        .retention(props.logRetention())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    logGroup.grantWrite(role);

    var builder = Function.Builder.create(this, "Function")
        .description(props.description())
        .code(Code.fromAsset(props.codePath()))
        .handler(props.handler())
        .runtime(props.runtime())
        .architecture(Architecture.ARM_64)
        .memorySize(props.memoryMb())
        .timeout(props.timeout())
        .role(role)
        .logGroup(logGroup)
        .loggingFormat(LoggingFormat.JSON)
        .tracing(Tracing.ACTIVE)
        .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
        .environment(withJvmOptions(props.environment()));
    if (props.functionName() != null) {
      builder.functionName(props.functionName());
    }
    if (props.reservedConcurrency() != null) {
      builder.reservedConcurrentExecutions(props.reservedConcurrency());
    }
    this.function = builder.build();
    this.alias = Alias.Builder.create(this, "Live")
        .aliasName(ALIAS)
        .version(function.getCurrentVersion())
        .description("The published version that triggers invoke (SnapStart applies to it)")
        .build();
    if (props.onFailure() != null) {
      alias.configureAsyncInvoke(EventInvokeConfigOptions.builder()
          .retryAttempts(props.asyncRetryAttempts())
          .maxEventAge(Duration.hours(6))
          .onFailure(new SqsDestination(props.onFailure()))
          .build());
    }
  }

  /** The function's execution role: grant to it. */
  public IRole role() {
    return role;
  }

  public LogGroup logGroup() {
    return logGroup;
  }

  /** The function itself ($LATEST); invoke {@link #alias()} instead. */
  public Function function() {
    return function;
  }

  /** The alias {@value #ALIAS}: what triggers invoke and alarms watch. */
  public Alias alias() {
    return alias;
  }
}
