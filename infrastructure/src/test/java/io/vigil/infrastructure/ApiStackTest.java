package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The HTTP API: every route behind the JWT authorizer, throttled stage with access logs. */
class ApiStackTest {

  private static Template api() {
    var built = TestApps.defaults();
    return built.template(built.vigil().api());
  }

  @Test
  void everyRouteRequiresAJwt() {
    var template = api();
    var routes = template.findResources("AWS::ApiGatewayV2::Route");
    assertEquals(io.vigil.infrastructure.stacks.ApiStack.ROUTES.size() * 4, routes.size(),
        "GET, POST, PUT, PATCH on each path");
    var keys = routes.values().stream().map(r -> String.valueOf(((Map<?, ?>) r.get("Properties"))
        .get("RouteKey"))).collect(java.util.stream.Collectors.toSet());
    for (var key : List.of("GET /findings", "PATCH /findings/{proxy+}", "GET /audits",
        "PUT /audits/{proxy+}", "POST /registers/{proxy+}", "GET /registers", "GET /soa",
        "POST /soa/{proxy+}")) {
      org.junit.jupiter.api.Assertions.assertTrue(keys.contains(key), key + " in " + keys);
    }
    for (var route : routes.values()) {
      @SuppressWarnings("unchecked")
      var p = (Map<String, Object>) route.get("Properties");
      assertEquals("JWT", p.get("AuthorizationType"));
    }
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
        "AuthorizerType", "JWT",
        "IdentitySource", List.of("$request.header.Authorization"),
        "JwtConfiguration", Map.of(
            "Audience", List.of(Map.of("Ref", Match.stringLikeRegexp("UsersClient.*"))),
            "Issuer", Match.anyValue())));
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
        "IntegrationType", "AWS_PROXY",
        "PayloadFormatVersion", "2.0",
        "IntegrationUri", Match.objectLike(Map.of("Fn::ImportValue",
            Match.stringLikeRegexp(".*FindingsApiLive.*")))));
  }

  @Test
  void defaultUserPoolRequiresMfaAndHasTheRoleGroups() {
    var template = api();
    template.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
        "MfaConfiguration", "ON",
        "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true))));
    for (var group : List.of("isms-manager", "auditor", "owner", "viewer")) {
      template.hasResourceProperties("AWS::Cognito::UserPoolGroup",
          Match.objectLike(Map.of("GroupName", group)));
    }
  }

  @Test
  void anExternalIssuerReplacesTheUserPool() {
    var built = TestApps.full();
    var variant = TestApps.variant();
    var template = variant.template(variant.vigil().api());
    template.resourceCountIs("AWS::Cognito::UserPool", 0);
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
        "AuthorizerType", "JWT",
        "IdentitySource", List.of("$request.header.Authorization"),
        "JwtConfiguration", Map.of("Audience", List.of("vigil-api", "vigil-cli"),
            "Issuer", "https://login.acme.example")));
    built.template(built.vigil().api()).resourceCountIs("AWS::Cognito::UserPool", 1);
  }

  @Test
  void defaultStageIsThrottledAndWritesAccessLogs() {
    api().hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
        "StageName", "$default",
        "AutoDeploy", true,
        "DefaultRouteSettings", Match.objectLike(Map.of(
            "ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100)),
        "AccessLogSettings", Map.of(
            "DestinationArn", Map.of("Fn::GetAtt", List.of(
                Match.stringLikeRegexp("AccessLogs.*"), "Arn")),
            "Format", Match.stringLikeRegexp(".*requestId.*routeKey.*status.*"))));
  }
}
