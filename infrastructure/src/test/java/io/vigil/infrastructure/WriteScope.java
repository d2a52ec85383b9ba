package io.vigil.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a role may change, read from synthesized templates: every Allow statement of the policies
 * attached to the role (inline, {@code AWS::IAM::Policy} and customer managed policies, in any
 * stack of the app) is enumerated; each action is classified by its verb; and the resource of
 * each write-ish action is resolved to one of Vigil's own constructs — a {@code Ref} or {@code
 * Fn::GetAtt} of a resource of the same template, an {@code Fn::ImportValue} of another stack's
 * export of one, a path under one ({@code Fn::Join} of it and literal text), or Vigil's member
 * role in a member account. A write on {@code *}, on a literal ARN, or on anything else that does
 * not resolve is a problem, named by stack, policy, statement and action.
 */
final class WriteScope {

  /** Verbs of actions that only read (IAM access levels List and Read). */
  static final List<String> READ_VERBS = List.of("Get", "List", "Describe", "BatchGet", "Query",
      "Scan", "Head", "Lookup", "Search", "Select", "View", "ConditionCheck");

  /** Verbs of actions that change something, to name them; any other non-read verb counts too. */
  static final List<String> WRITE_VERBS = List.of("Put", "Create", "Update", "Delete", "Attach",
      "Detach", "Modify", "Tag", "Untag", "Send", "Publish", "Set", "Start", "Stop", "Terminate",
      "Run", "Invoke", "Assume", "Pass", "Add", "Remove", "Enable", "Disable", "Associate",
      "Disassociate", "Change", "Restore", "Reboot", "Import", "Export", "Upload", "Copy",
      "Replace", "Reset", "Revoke", "Authorize", "Register", "Deregister", "BatchWrite",
      "Receive", "Purge", "Encrypt", "Decrypt", "Generate", "Sign", "Rotate", "Cancel",
      "Execute", "Submit", "Write");

  /** A template of the app, by stack name. */
  record Stack(String name, Map<String, Object> template) {}

  /** One Allow statement and where it is. */
  record Statement(String where, List<String> actions, List<Object> resources,
      boolean negated) {}

  private final Map<String, Stack> stacks = new LinkedHashMap<>();
  private final Optional<String> memberRoleName;

  /**
   * @param stacks every template of the app (exports are resolved across them)
   * @param memberRoleName the name of Vigil's role in member accounts, if the app has one
   */
  WriteScope(List<Stack> stacks, Optional<String> memberRoleName) {
    stacks.forEach(s -> this.stacks.put(s.name(), s));
    this.memberRoleName = memberRoleName;
  }

  /** The verb of an action ({@code s3:PutObject}: {@code Put}), or its whole name if unknown. */
  static String verb(String action) {
    var name = action.substring(action.indexOf(':') + 1);
    for (var v : READ_VERBS) {
      if (name.startsWith(v)) {
        return v;
      }
    }
    for (var v : WRITE_VERBS) {
      if (name.startsWith(v)) {
        return v;
      }
    }
    return name;
  }

  /** True for an action that only reads ({@code *} and {@code s3:*} do not). */
  static boolean readOnly(String action) {
    var name = action.substring(action.indexOf(':') + 1);
    return !name.isEmpty() && !name.equals("*") && READ_VERBS.contains(verb(action));
  }

  // ---- roles and their statements

  /** The logical ids of the roles of the functions whose handler starts with the prefix. */
  @SuppressWarnings("unchecked")
  static Set<String> functionRoles(Map<String, Object> template, String handlerPrefix) {
    var out = new LinkedHashSet<String>();
    resources(template).forEach((id, r) -> {
      if ("AWS::Lambda::Function".equals(r.get("Type"))) {
        var p = properties(r);
        if (String.valueOf(p.get("Handler")).startsWith(handlerPrefix)
            && p.get("Role") instanceof Map<?, ?> role
            && role.get("Fn::GetAtt") instanceof List<?> att) {
          out.add((String) att.get(0));
        }
      }
    });
    return out;
  }

  /** The ARNs of the managed policies of a role, with the partition rendered as {@code aws}. */
  @SuppressWarnings("unchecked")
  List<String> managedPolicyArns(String stack, String roleId) {
    var role = resources(stacks.get(stack).template()).get(roleId);
    var out = new ArrayList<String>();
    for (var arn : (List<Object>) properties(role).getOrDefault("ManagedPolicyArns", List.of())) {
      out.add(render(stack, arn).orElse(String.valueOf(arn)));
    }
    return out;
  }

  /** Every Allow statement that applies to the role {@code roleId} of {@code stack}. */
  @SuppressWarnings("unchecked")
  List<Statement> statements(String stack, String roleId) {
    var out = new ArrayList<Statement>();
    var template = stacks.get(stack).template();
    var role = resources(template).get(roleId);
    if (role == null || !"AWS::IAM::Role".equals(role.get("Type"))) {
      throw new IllegalArgumentException(stack + " has no role " + roleId);
    }
    var props = properties(role);
    var roleName = props.get("RoleName") instanceof String s ? s : null;
    for (var policy : (List<Map<String, Object>>) props.getOrDefault("Policies", List.of())) {
      add(out, stack + "/" + roleId + "/" + policy.get("PolicyName"),
          policy.get("PolicyDocument"));
    }
    for (var arn : (List<Object>) props.getOrDefault("ManagedPolicyArns", List.of())) {
      if (arn instanceof Map<?, ?> m && m.get("Ref") instanceof String id) {
        var managed = resources(template).get(id);
        add(out, stack + "/" + id, properties(managed).get("PolicyDocument"));
      }
    }
    for (var s : stacks.values()) {
      for (var e : resources(s.template()).entrySet()) {
        var type = e.getValue().get("Type");
        if (!"AWS::IAM::Policy".equals(type) && !"AWS::IAM::ManagedPolicy".equals(type)) {
          continue;
        }
        var p = properties(e.getValue());
        var roles = (List<Object>) p.getOrDefault("Roles", List.of());
        boolean attached = roles.stream().anyMatch(r -> r instanceof Map<?, ?> m
            && roleId.equals(m.get("Ref")) && s.name().equals(stack)
            || roleName != null && roleName.equals(r));
        if (attached) {
          add(out, s.name() + "/" + e.getKey(), p.get("PolicyDocument"));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void add(List<Statement> out, String where, Object document) {
    if (!(document instanceof Map<?, ?> doc)) {
      return;
    }
    var list = doc.get("Statement") instanceof List<?> l ? l : List.of(doc.get("Statement"));
    int i = 0;
    for (var s : list) {
      var st = (Map<String, Object>) s;
      var name = where + " statement " + i++ + (st.get("Sid") == null ? "" : " (" + st.get("Sid")
          + ")");
      if (!"Allow".equals(st.get("Effect"))) {
        continue;
      }
      boolean negated = st.containsKey("NotAction") || st.containsKey("NotResource");
      out.add(new Statement(name, strings(st.getOrDefault("Action", st.get("NotAction"))),
          list(st.getOrDefault("Resource", st.get("NotResource"))), negated));
    }
  }

  // ---- the check

  /**
   * The problems of {@code statements}: a negated statement (NotAction, NotResource: it grants
   * what it does not name), and every write-ish action whose resource is not Vigil's own, except
   * {@code allowedOnAnyResource} (actions without resource-level permissions, each with its
   * reason). Writes to an S3 bucket of Vigil must name a prefix in {@code bucketPrefixes}. Each
   * write that is Vigil's own is added to {@code own} ("action on construct").
   */
  List<String> problems(String stack, List<Statement> statements,
      Map<String, String> allowedOnAnyResource, List<String> bucketPrefixes, List<String> own) {
    var problems = new ArrayList<String>();
    for (var s : statements) {
      if (s.negated()) {
        problems.add(s.where() + ": NotAction/NotResource grants what it does not name");
        continue;
      }
      for (var action : s.actions()) {
        if (readOnly(action)) {
          continue;
        }
        for (var resource : s.resources()) {
          if ("*".equals(resource) && allowedOnAnyResource.containsKey(action)) {
            continue;
          }
          var construct = own(stack, resource, action);
          if (construct.isEmpty()) {
            problems.add(s.where() + ": " + action + " (" + verb(action) + ") on "
                + describe(stack, resource) + ", which is not Vigil's own");
          } else if (construct.get().startsWith("AWS::S3::Bucket") && bucketPrefixes.stream()
              .noneMatch(construct.get()::endsWith)) {
            problems.add(s.where() + ": " + action + " (" + verb(action) + ") on "
                + construct.get() + ", outside the prefixes " + bucketPrefixes);
          } else {
            own.add(action + " on " + construct.get());
          }
        }
      }
    }
    return problems;
  }

  /** The Vigil construct {@code resource} names ({@code AWS::SQS::Queue Vigil-Data/Id}), if any. */
  Optional<String> own(String stack, Object resource, String action) {
    var construct = construct(stack, resource);
    if (construct.isPresent()) {
      return construct;
    }
    // sts:AssumeRole of Vigil's member role, in a named account or (organization mode) any
    if (action.equals("sts:AssumeRole") && memberRoleName.isPresent()) {
      var arn = render(stack, resource);
      var member = Pattern.compile("arn:aws:iam::(\\d{12}|\\*):role/"
          + Pattern.quote(memberRoleName.get()));
      if (arn.isPresent() && member.matcher(arn.get()).matches()) {
        return Optional.of("Vigil member role " + arn.get());
      }
    }
    return Optional.empty();
  }

  /** A Ref, GetAtt, export of one, or a path of literal text under one. */
  @SuppressWarnings("unchecked")
  private Optional<String> construct(String stack, Object value) {
    if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
      return Optional.empty();
    }
    var template = stacks.get(stack).template();
    String id = null;
    if (m.get("Ref") instanceof String ref) {
      id = ref;
    } else if (m.get("Fn::GetAtt") instanceof List<?> att && att.get(0) instanceof String of) {
      id = of;
    }
    if (id != null) {
      var r = resources(template).get(id);
      return r == null ? Optional.empty() : Optional.of(r.get("Type") + " " + stack + "/" + id);
    }
    if (m.get("Fn::ImportValue") instanceof String export) {
      for (var s : stacks.values()) {
        var outputs = (Map<String, Map<String, Object>>) s.template().getOrDefault("Outputs",
            Map.of());
        for (var o : outputs.values()) {
          if (o.get("Export") instanceof Map<?, ?> e && export.equals(e.get("Name"))) {
            return construct(s.name(), o.get("Value"));
          }
        }
      }
      return Optional.empty();
    }
    if (m.get("Fn::Join") instanceof List<?> join && "".equals(join.get(0))
        && join.get(1) instanceof List<?> parts && !parts.isEmpty()) {
      var base = construct(stack, parts.get(0));
      var rest = new StringBuilder();
      for (var p : parts.subList(1, parts.size())) {
        if (!(p instanceof String s)) {
          return Optional.empty();
        }
        rest.append(s);
      }
      return base.map(b -> b + rest);
    }
    return Optional.empty();
  }

  /** A value as text: literal strings and joins of them, pseudo parameters as placeholders. */
  @SuppressWarnings("unchecked")
  Optional<String> render(String stack, Object value) {
    if (value instanceof String s) {
      return Optional.of(s);
    }
    if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String ref) {
      return switch (ref) {
        case "AWS::Partition" -> Optional.of("aws");
        case "AWS::AccountId" -> Optional.of("<account>");
        case "AWS::Region" -> Optional.of("<region>");
        default -> Optional.empty();
      };
    }
    if (value instanceof Map<?, ?> m && m.get("Fn::Join") instanceof List<?> join
        && join.get(1) instanceof List<?> parts) {
      var texts = new ArrayList<String>();
      for (var p : parts) {
        var text = render(stack, p);
        if (text.isEmpty()) {
          return Optional.empty();
        }
        texts.add(text.get());
      }
      return Optional.of(String.join(String.valueOf(join.get(0)), texts));
    }
    return Optional.empty();
  }

  private String describe(String stack, Object resource) {
    return render(stack, resource).map(s -> "'" + s + "'").orElse(String.valueOf(resource));
  }

  // ---- template access

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
    return (Map<String, Map<String, Object>>) template.getOrDefault("Resources", Map.of());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  private static List<String> strings(Object value) {
    var out = new ArrayList<String>();
    for (var v : list(value)) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  private static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
  }
}
