package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "the collector cannot change what it audits": over the synthesized templates of three
 * apps (defaults, everything optional on, organization mode), the roles of the collector functions
 * (every function whose handler is collect-evidence's) and the member-account role have no
 * write-ish action on anything that is not Vigil's own. {@link WriteScope} enumerates every Allow
 * statement attached to a role in any stack, classifies each action by its verb (anything that is
 * not Get/List/Describe/Query/Scan/... is write-ish) and resolves the statement's resources to
 * Vigil's own constructs (the table, the evidence bucket under {@code evidence/}, the queues, the
 * event bus, the log groups, Vigil's member role in member accounts); a write on {@code *} or on
 * anything that does not resolve fails, naming the statement. The only write on {@code *} is
 * X-Ray tracing, which has no resource-level permissions ({@link
 * IamLeastPrivilegeTest#NO_RESOURCE_LEVEL_PERMISSIONS}). Managed policies: the collector and the
 * member role have exactly AWS's read-only {@code SecurityAudit}, and the member role has no
 * write-ish action at all.
 */
class CollectorWriteScopeTest {

  static final String COLLECTOR_HANDLERS = "io.vigil.functions.collectevidence.";
  static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";
  static final List<String> EVIDENCE_PREFIX = List.of("/evidence/*");

  private static List<TestApps.Built> apps() {
    return List.of(TestApps.defaults(), TestApps.full(), TestApps.variant());
  }

  @SuppressWarnings("unchecked")
  static WriteScope scope(TestApps.Built built) {
    var stacks = built.vigil().stacks().stream()
        .map(s -> new WriteScope.Stack(s.getStackName(), built.template(s).toJSON())).toList();
    var parameters = (Map<String, Map<String, Object>>) built.template(built.vigil().memberRole())
        .toJSON().get("Parameters");
    return new WriteScope(stacks, Optional.ofNullable((String) parameters.get("MemberRoleName")
        .get("Default")));
  }

  @Test
  void theCollectorsRolesWriteOnlyToVigilsOwnResources() {
    var problems = new ArrayList<String>();
    var own = new ArrayList<String>();
    int statements = 0;
    for (var built : apps()) {
      var scope = scope(built);
      var stack = built.vigil().functions().getStackName();
      var roles = WriteScope.functionRoles(built.template(built.vigil().functions()).toJSON(),
          COLLECTOR_HANDLERS);
      assertEquals(1, roles.size(), "the collector functions share one role: " + roles);
      for (var role : roles) {
        assertEquals(List.of(SECURITY_AUDIT), scope.managedPolicyArns(stack, role),
            "managed policies of " + stack + "/" + role);
        var walked = scope.statements(stack, role);
        statements += walked.size();
        problems.addAll(scope.problems(stack, walked,
            IamLeastPrivilegeTest.NO_RESOURCE_LEVEL_PERMISSIONS, EVIDENCE_PREFIX, own));
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(statements >= 3 * 14, "statements: " + statements);
    // the walk resolved the writes it allowed to each kind of Vigil construct
    var kinds = new TreeSet<String>();
    own.forEach(w -> kinds.add(w.substring(w.indexOf(" on ") + 4).split(" ")[0]));
    assertEquals(new TreeSet<>(Set.of("AWS::DynamoDB::Table", "AWS::Events::EventBus",
        "AWS::Logs::LogGroup", "AWS::S3::Bucket", "AWS::SQS::Queue", "Vigil")), kinds,
        "constructs written: " + own);
    assertTrue(own.stream().anyMatch(w -> w.equals("sts:AssumeRole on Vigil member role"
        + " arn:aws:iam::*:role/vigil-member-audit")), "organization mode: " + own);
    assertTrue(own.stream().anyMatch(w -> w.startsWith("s3:PutObject on AWS::S3::Bucket")
        && w.endsWith("/evidence/*")), "evidence objects: " + own);
  }

  @Test
  void theMemberRoleIsSecurityAuditAndCanWriteNothing() {
    for (var built : apps()) {
      var scope = scope(built);
      var stack = built.vigil().memberRole().getStackName();
      var template = built.template(built.vigil().memberRole()).toJSON();
      var roles = WriteScope.resources(template).entrySet().stream()
          .filter(e -> "AWS::IAM::Role".equals(e.getValue().get("Type")))
          .map(Map.Entry::getKey).toList();
      assertEquals(1, roles.size(), "one role: " + roles);
      var role = roles.get(0);
      assertEquals(List.of(SECURITY_AUDIT), scope.managedPolicyArns(stack, role));
      for (var s : scope.statements(stack, role)) {
        assertFalse(s.negated(), s.where());
        for (var action : s.actions()) {
          assertTrue(WriteScope.readOnly(action), s.where() + ": " + action + " ("
              + WriteScope.verb(action) + ") in the member role");
        }
      }
    }
  }

  @Test
  void theCheckFindsWritesOutsideVigil() {
    // a negative control: a collector-like role whose policy writes where it must not
    var functions = Map.<String, Object>of("Resources", Map.of(
        "Fn", Map.of("Type", "AWS::Lambda::Function", "Properties", Map.of(
            "Handler", COLLECTOR_HANDLERS + "CollectEvidenceHandler",
            "Role", Map.of("Fn::GetAtt", List.of("Role", "Arn")))),
        "Role", Map.of("Type", "AWS::IAM::Role", "Properties", Map.of(
            "RoleName", "vigil-collector",
            "ManagedPolicyArns", List.of(join("arn:", partition(),
                ":iam::aws:policy/SecurityAudit"), "arn:aws:iam::aws:policy/ReadOnlyAccess"))),
        "Queue", Map.of("Type", "AWS::SQS::Queue"),
        "Policy", Map.of("Type", "AWS::IAM::Policy", "Properties", Map.of(
            "Roles", List.of(Map.of("Ref", "Role")),
            "PolicyDocument", Map.of("Statement", List.of(
                statement("Star", "s3:PutObject", "*"),
                statement("Ec2", List.of("ec2:DescribeInstances", "ec2:TerminateInstances"),
                    "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc"),
                statement("OwnQueue", "sqs:SendMessage", Map.of("Fn::GetAtt",
                    List.of("Queue", "Arn"))),
                statement("OtherPrefix", "s3:DeleteObject", Map.of("Fn::Join", List.of("",
                    List.of(Map.of("Fn::ImportValue", "Data:Bucket"), "/other/*")))),
                statement("Unknown", "dynamodb:PutItem", Map.of("Fn::ImportValue",
                    "Elsewhere:Table")),
                statement("Admin", "sts:AssumeRole", join("arn:", partition(),
                    ":iam::*:role/admin")),
                statement("Reads", "s3:GetObject", "*"),
                statement("Tracing", "xray:PutTraceSegments", "*"),
                Map.of("Sid", "Not", "Effect", "Allow", "NotAction", "s3:Get*",
                    "Resource", "*")))))));
    var data = Map.<String, Object>of(
        "Resources", Map.of("Bucket", Map.of("Type", "AWS::S3::Bucket")),
        "Outputs", Map.of("B", Map.of("Value", Map.of("Fn::GetAtt", List.of("Bucket", "Arn")),
            "Export", Map.of("Name", "Data:Bucket"))));
    var scope = new WriteScope(List.of(new WriteScope.Stack("Fns", functions),
        new WriteScope.Stack("Data", data)), Optional.of("vigil-member-audit"));
    assertEquals(Set.of("Role"), WriteScope.functionRoles(functions, COLLECTOR_HANDLERS));
    assertEquals(List.of(SECURITY_AUDIT, "arn:aws:iam::aws:policy/ReadOnlyAccess"),
        scope.managedPolicyArns("Fns", "Role"));
    var own = new ArrayList<String>();
    var problems = scope.problems("Fns", scope.statements("Fns", "Role"),
        IamLeastPrivilegeTest.NO_RESOURCE_LEVEL_PERMISSIONS, EVIDENCE_PREFIX, own);
    assertEquals(List.of(
        "Fns/Policy statement 0 (Star): s3:PutObject (Put) on '*', which is not Vigil's own",
        "Fns/Policy statement 1 (Ec2): ec2:TerminateInstances (Terminate) on"
            + " 'arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc', which is not Vigil's own",
        "Fns/Policy statement 3 (OtherPrefix): s3:DeleteObject (Delete) on AWS::S3::Bucket"
            + " Data/Bucket/other/*, outside the prefixes [/evidence/*]",
        "Fns/Policy statement 4 (Unknown): dynamodb:PutItem (Put) on {Fn::ImportValue="
            + "Elsewhere:Table}, which is not Vigil's own",
        "Fns/Policy statement 5 (Admin): sts:AssumeRole (Assume) on 'arn:aws:iam::*:role/admin',"
            + " which is not Vigil's own",
        "Fns/Policy statement 8 (Not): NotAction/NotResource grants what it does not name"),
        problems);
    assertEquals(List.of("sqs:SendMessage on AWS::SQS::Queue Fns/Queue"), own);
    // and the member role's ARN is recognised only under its own name
    assertTrue(scope.own("Fns", join("arn:", partition(), ":iam::444455556666:role/"
        + "vigil-member-audit"), "sts:AssumeRole").isPresent());
    assertTrue(scope.own("Fns", join("arn:", partition(), ":iam::444455556666:role/"
        + "vigil-member-audit"), "iam:PassRole").isEmpty());
    assertEquals("Put", WriteScope.verb("s3:PutObject"));
    assertFalse(WriteScope.readOnly("s3:*") || WriteScope.readOnly("*"));
    assertTrue(WriteScope.readOnly("s3:GetObject*"));
  }

  private static Map<String, Object> statement(String sid, Object action, Object resource) {
    return Map.of("Sid", sid, "Effect", "Allow", "Action", action, "Resource", resource);
  }

  private static Map<String, Object> partition() {
    return Map.of("Ref", "AWS::Partition");
  }

  private static Map<String, Object> join(Object... parts) {
    return Map.of("Fn::Join", List.of("", List.of(parts)));
  }
}
