package io.vigil.checks.lambda;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Loads the Lambda functions of one region. Scope REGION: functions are regional.
 *
 * <p>Calls: ListFunctions (paginated) once, GetPolicy per function (ResourceNotFoundException
 * means the function has no resource-based policy). Environment variable values are classified
 * (empty, reference, literal) and dropped here: they never enter the snapshot or the evidence. A
 * failing ListFunctions throws; a failing or unparsable GetPolicy is recorded on the function.
 */
@Singleton
public final class LambdaSnapshotLoader implements SnapshotLoader<LambdaSnapshot> {

  static final String NO_POLICY = "ResourceNotFoundException";

  private final AwsClientFactory clients;
  private final Clock clock;

  @Inject
  public LambdaSnapshotLoader(AwsClientFactory clients) {
    this(clients, Clock.systemUTC());
  }

  LambdaSnapshotLoader(AwsClientFactory clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public Class<LambdaSnapshot> snapshotType() {
    return LambdaSnapshot.class;
  }

  @Override
  public String service() {
    return "lambda";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public LambdaSnapshot load(ScanTarget target) {
    var lambda = clients.forAccount(target.accountId()).client(LambdaClient.class, LambdaClient::builder,
        Region.of(target.region()));
    var takenAt = clock.instant();
    var functions = new ArrayList<LambdaSnapshot.Function>();
    for (var f : lambda.listFunctionsPaginator(r -> { }).functions()) {
      var name = f.functionName();
      var variables = f.environment() == null || !f.environment().hasVariables() ? Map.<String,
          String>of() : f.environment().variables();
      var environment = variables.entrySet().stream()
          .map(e -> new LambdaSnapshot.EnvironmentVariable(e.getKey(), kindOf(e.getValue())))
          .sorted((a, b) -> a.name().compareTo(b.name()))
          .toList();
      Lookup<String> text = AwsCalls.lookup("GetPolicy",
          () -> lambda.getPolicy(r -> r.functionName(name)).policy(), NO_POLICY);
      Lookup<List<LambdaSnapshot.Statement>> policy;
      if (text.isPresent()) {
        try {
          policy = Lookup.found(statements(text.value()));
        } catch (RuntimeException e) {
          policy = Lookup.failed("GetPolicy returned a policy that could not be parsed: "
              + e.getMessage());
        }
      } else if (text.isFailed()) {
        policy = Lookup.failed(text.error());
      } else {
        policy = Lookup.absent();
      }
      functions.add(new LambdaSnapshot.Function(name, f.functionArn(), f.runtimeAsString(),
          f.packageTypeAsString(), environment, policy));
    }
    return new LambdaSnapshot(takenAt, functions);
  }

  /** Classifies a value without keeping it. */
  static LambdaSnapshot.ValueKind kindOf(String value) {
    if (value == null || value.isBlank()) {
      return LambdaSnapshot.ValueKind.EMPTY;
    }
    var v = value.strip();
    if (v.startsWith("arn:") || v.startsWith("{{resolve:") || v.startsWith("ssm:")
        || v.matches("/[A-Za-z0-9_.\\-/]+")) {
      return LambdaSnapshot.ValueKind.REFERENCE;
    }
    return LambdaSnapshot.ValueKind.LITERAL;
  }

  /** The statements of a resource-based policy document. */
  static List<LambdaSnapshot.Statement> statements(String json) {
    var root = JsonNode.parser().parse(json);
    if (!root.isObject() || root.field("Statement").isEmpty()) {
      throw new IllegalArgumentException("no Statement");
    }
    var raw = root.field("Statement").get();
    var items = raw.isArray() ? raw.asArray() : List.of(raw);
    var out = new ArrayList<LambdaSnapshot.Statement>();
    for (var s : items) {
      if (!s.isObject()) {
        throw new IllegalArgumentException("a statement is not an object");
      }
      var effect = s.field("Effect").filter(JsonNode::isString).map(JsonNode::asString)
          .orElseThrow(() -> new IllegalArgumentException("a statement has no Effect"));
      var principals = new ArrayList<String>();
      s.field("Principal").ifPresent(p -> {
        if (p.isString()) {
          principals.add(p.asString());
        } else if (p.isObject()) {
          p.asObject().forEach((type, values) -> strings(values)
              .forEach(v -> principals.add(type + ":" + v)));
        }
      });
      var conditionKeys = new ArrayList<String>();
      s.field("Condition").filter(JsonNode::isObject).ifPresent(c -> c.asObject().values()
          .stream().filter(JsonNode::isObject)
          .forEach(op -> conditionKeys.addAll(op.asObject().keySet())));
      out.add(new LambdaSnapshot.Statement(
          s.field("Sid").filter(JsonNode::isString).map(JsonNode::asString).orElse(""),
          effect, principals, s.field("Action").map(LambdaSnapshotLoader::strings)
              .orElse(List.of()), conditionKeys));
    }
    return out;
  }

  private static List<String> strings(JsonNode node) {
    if (node.isString()) {
      return List.of(node.asString());
    }
    if (node.isArray()) {
      return node.asArray().stream().filter(JsonNode::isString).map(JsonNode::asString)
          .toList();
    }
    return List.of();
  }
}
