package io.vigil.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the policy statements of a synthesized template, wherever a template holds them. */
final class PolicyWalker {

  /** One statement: the resource it belongs to, effect, actions and literal resources. */
  record Statement(String resourceId, String effect, List<String> actions,
      List<String> resources) {}

  private PolicyWalker() {}

  @SuppressWarnings("unchecked")
  static List<Statement> statements(Map<String, Object> template) {
    var out = new ArrayList<Statement>();
    var resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
    resources.forEach((id, value) -> {
      var resource = (Map<String, Object>) value;
      var props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
      switch ((String) resource.get("Type")) {
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy",
            "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::Events::EventBusPolicy" ->
            add(out, id, props.get("PolicyDocument"));
        case "AWS::IAM::Role" -> {
          add(out, id, props.get("AssumeRolePolicyDocument"));
          for (var policy : (List<Map<String, Object>>) props.getOrDefault("Policies",
              List.of())) {
            add(out, id, policy.get("PolicyDocument"));
          }
        }
        case "AWS::KMS::Key" -> add(out, id, props.get("KeyPolicy"));
        default -> { }
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void add(List<Statement> out, String id, Object document) {
    if (!(document instanceof Map<?, ?> doc)) {
      return;
    }
    var statements = doc.get("Statement");
    var list = statements instanceof List<?> l ? l : List.of(statements);
    for (var s : list) {
      var st = (Map<String, Object>) s;
      out.add(new Statement(id, (String) st.get("Effect"), strings(st.get("Action")),
          strings(st.get("Resource"))));
    }
  }

  /** The literal strings of a value or list (tokens such as Fn::Join are not literal "*"). */
  private static List<String> strings(Object value) {
    var out = new ArrayList<String>();
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof List<?> list) {
      for (var v : list) {
        out.add(v instanceof String s ? s : String.valueOf(v));
      }
    }
    return out;
  }
}
