package io.vigil.checks.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An AWS access policy (bucket policy, key policy, IAM policy) reduced to what the checks judge:
 * its statements with effect, principals, actions, resources and conditions. Single strings and
 * arrays are both accepted wherever the policy grammar allows either.
 *
 * <pre>{@code
 * PolicyDocument policy = PolicyDocument.parse(json);
 * boolean publicRead = policy.statements().stream()
 *     .anyMatch(s -> s.grantsPublicAccess() && s.actionMatches("s3:GetObject"));
 * }</pre>
 *
 * @param statements the statements in document order
 */
public record PolicyDocument(List<Statement> statements) {

  /**
   * Condition keys that pin a statement to known callers or networks (compared ignoring case): a
   * statement for Principal "*" restricted by one of them is not public.
   */
  public static final Set<String> RESTRICTING_CONDITION_KEYS = Set.of(
      "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceaccount", "aws:sourcearn",
      "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalaccount",
      "aws:principalarn", "aws:principalorgid", "aws:principalorgpaths", "aws:userid",
      "aws:username", "kms:calleraccount", "s3:dataaccesspointaccount",
      "s3:dataaccesspointarn");

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /**
   * Parses a policy document. Throws {@link IllegalArgumentException} when the text is not JSON or
   * not a policy (no Statement, a statement without Effect...).
   */
  public static PolicyDocument parse(String json) {
    var root = Json.parseObject(json);
    var raw = member(root, "Statement");
    if (raw == null) {
      throw new IllegalArgumentException("policy has no Statement");
    }
    var items = raw instanceof List<?> list ? list : List.of(raw);
    var statements = new ArrayList<Statement>();
    int index = 0;
    for (var item : items) {
      index++;
      if (!(item instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("statement " + index + " is not an object");
      }
      statements.add(Statement.of(map, index));
    }
    return new PolicyDocument(statements);
  }

  /** The statements that make the resource public: see {@link Statement#grantsPublicAccess()}. */
  public List<Statement> publicStatements() {
    return statements.stream().filter(Statement::grantsPublicAccess).toList();
  }

  /**
   * One policy statement.
   *
   * @param label the Sid, or "#n" (its 1-based position) when it has none
   * @param effect {@code Allow} or {@code Deny}
   * @param principals principal type to values, e.g. {@code AWS -> [*]}; {@code "*"} alone is
   *     recorded as {@code * -> [*]}; empty when the statement names none (IAM policies)
   * @param notPrincipal the principals were given as NotPrincipal
   * @param actions actions or NotActions
   * @param notAction the actions were given as NotAction
   * @param resources resources or NotResources
   * @param notResource the resources were given as NotResource
   * @param conditions every condition, one entry per operator and key
   */
  public record Statement(
      String label,
      String effect,
      Map<String, List<String>> principals,
      boolean notPrincipal,
      List<String> actions,
      boolean notAction,
      List<String> resources,
      boolean notResource,
      List<Condition> conditions) {

    public Statement {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(effect, "effect");
      principals = Map.copyOf(principals);
      actions = List.copyOf(actions);
      resources = List.copyOf(resources);
      conditions = List.copyOf(conditions);
    }

    static Statement of(Map<?, ?> map, int index) {
      var sid = member(map, "Sid");
      var label = sid instanceof String s && !s.isBlank() ? s : "#" + index;
      var effect = member(map, "Effect");
      if (!(effect instanceof String e) || !(e.equals("Allow") || e.equals("Deny"))) {
        throw new IllegalArgumentException("statement " + label + " has no Effect Allow or Deny");
      }
      var notPrincipal = member(map, "NotPrincipal") != null;
      var principals = principalsOf(member(map, notPrincipal ? "NotPrincipal" : "Principal"));
      var notAction = member(map, "NotAction") != null;
      var notResource = member(map, "NotResource") != null;
      return new Statement(label, e, principals, notPrincipal,
          strings(member(map, notAction ? "NotAction" : "Action")), notAction,
          strings(member(map, notResource ? "NotResource" : "Resource")), notResource,
          conditionsOf(member(map, "Condition")));
    }

    public boolean allows() {
      return "Allow".equals(effect);
    }

    /**
     * The statement applies to any principal: Principal {@code "*"} or {@code {"AWS": "*"}}, or
     * an Allow with NotPrincipal (everyone except the listed principals).
     */
    public boolean appliesToEveryone() {
      if (notPrincipal) {
        return allows();
      }
      return principals.containsKey("*")
          || principals.getOrDefault("AWS", List.of()).contains("*");
    }

    /** Some condition uses {@code key} (ignoring case). */
    public boolean hasConditionOn(String key) {
      return conditions.stream().anyMatch(c -> c.key().equalsIgnoreCase(key));
    }

    /**
     * Public grant: an Allow for everyone that no restricting condition (source network, account,
     * organization, principal ARN... see {@link #RESTRICTING_CONDITION_KEYS}) with a concrete
     * value narrows down.
     */
    public boolean grantsPublicAccess() {
      if (!allows() || !appliesToEveryone()) {
        return false;
      }
      return conditions.stream().noneMatch(c ->
          RESTRICTING_CONDITION_KEYS.contains(c.key().toLowerCase(Locale.ROOT))
              && !c.values().isEmpty()
              && c.values().stream().noneMatch(v -> v.equals("*")));
    }

    /** The statement's action list covers {@code action} (wildcards honoured, NotAction too). */
    public boolean actionMatches(String action) {
      var listed = actions.stream().anyMatch(p -> Globs.matches(p, action, true));
      return notAction != listed;
    }

    /** The statement's resource list covers {@code resource} (wildcards honoured). */
    public boolean resourceMatches(String resource) {
      var listed = resources.stream().anyMatch(p -> Globs.matches(p, resource, false));
      return notResource != listed;
    }

    /** Allow of every action ({@code *} or {@code *:*}) on every resource ({@code *}). */
    public boolean grantsFullAdmin() {
      return allows() && !notAction && !notResource
          && actions.stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))
          && resources.contains("*");
    }

    /** "statement PublicRead (Allow s3:GetObject)" for reasons. */
    public String describe() {
      return "statement " + label + " (" + effect + " " + (notAction ? "NotAction " : "")
          + String.join(", ", actions) + ")";
    }
  }

  /**
   * One condition test.
   *
   * @param operator e.g. {@code Bool}, {@code StringEquals}, {@code IpAddress}
   * @param key e.g. {@code aws:SecureTransport}
   * @param values the values as strings ({@code true}, not a boolean)
   */
  public record Condition(String operator, String key, List<String> values) {

    public Condition {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(key, "key");
      values = List.copyOf(values);
    }
  }

  private static Object member(Map<?, ?> map, String name) {
    return map.get(name);
  }

  private static Map<String, List<String>> principalsOf(Object raw) {
    var out = new LinkedHashMap<String, List<String>>();
    if (raw == null) {
      return out;
    }
    if (raw instanceof String s) {
      out.put(s.equals("*") ? "*" : "AWS", List.of(s));
      return out;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Principal is neither \"*\" nor an object");
    }
    map.forEach((type, values) -> out.put(String.valueOf(type), strings(values)));
    return out;
  }

  private static List<Condition> conditionsOf(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof Map<?, ?> operators)) {
      throw new IllegalArgumentException("Condition is not an object");
    }
    var out = new ArrayList<Condition>();
    operators.forEach((operator, tests) -> {
      if (!(tests instanceof Map<?, ?> keys)) {
        throw new IllegalArgumentException("Condition operator " + operator + " is not an object");
      }
      keys.forEach((key, values) ->
          out.add(new Condition(String.valueOf(operator), String.valueOf(key), strings(values))));
    });
    return out;
  }

  /** A string, a scalar or an array of scalars as strings; null is the empty list. */
  private static List<String> strings(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof List<?> list) {
      var out = new ArrayList<String>();
      for (var item : list) {
        if (item instanceof Map || item instanceof List) {
          throw new IllegalArgumentException("nested value where a string was expected");
        }
        out.add(String.valueOf(item));
      }
      return out;
    }
    if (raw instanceof Map) {
      throw new IllegalArgumentException("object where a string was expected");
    }
    return List.of(String.valueOf(raw));
  }
}
