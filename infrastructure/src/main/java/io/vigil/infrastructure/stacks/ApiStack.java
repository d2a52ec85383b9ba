package io.vigil.infrastructure.stacks;

import io.vigil.infrastructure.VigilConfig;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.AccessLogField;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroupOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The findings API: an API Gateway HTTP API (payload format 2.0) in front of the findings-api
 * function's alias, every route behind a JWT authorizer. The issuer and audience come from the
 * context ({@code jwtIssuer}, {@code jwtAudience}); without them the stack creates a Cognito user
 * pool (MFA required, no self sign-up) with the groups findings-api maps to roles, and its app
 * client is the audience. The default stage is throttled and writes JSON access logs.
 */
public final class ApiStack extends Stack {

  /** The groups findings-api reads from {@code cognito:groups} / {@code groups}. */
  public static final List<String> ROLE_GROUPS =
      List.of("isms-manager", "auditor", "owner", "viewer");
  /** Routes served by findings-api, the records API (findings, audits, registers, SoA). */
  public static final List<String> ROUTES =
      List.of("/findings", "/findings/{proxy+}", "/audits", "/audits/{proxy+}", "/registers",
          "/registers/{proxy+}", "/soa", "/soa/{proxy+}");

  private final HttpApi api;
  private final HttpStage stage;
  private final LogGroup accessLogs;
  private final UserPool userPool;

  public ApiStack(Construct scope, String id, StackProps props, VigilConfig config,
      FunctionsStack functions) {
    super(scope, id, props);

    String issuer;
    List<String> audience;
    if (config.jwtIssuer.isPresent()) {
      issuer = config.jwtIssuer.get();
      audience = config.jwtAudience;
      this.userPool = null;
    } else {
      this.userPool = UserPool.Builder.create(this, "Users")
          .selfSignUpEnabled(false)
          .signInAliases(SignInAliases.builder().email(true).build())
          .passwordPolicy(PasswordPolicy.builder()
              .minLength(12)
              .requireLowercase(true)
              .requireUppercase(true)
              .requireDigits(true)
              .requireSymbols(true)
              .tempPasswordValidity(Duration.days(3))
              .build())
          .mfa(Mfa.REQUIRED)
          .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
          .accountRecovery(AccountRecovery.EMAIL_ONLY)
          .deletionProtection(true)
          .removalPolicy(RemovalPolicy.RETAIN)
          .build();
      for (var group : ROLE_GROUPS) {
        userPool.addGroup("Group" + group.replace("-", ""), UserPoolGroupOptions.builder()
            .groupName(group).description("Vigil role " + group).build());
      }
      UserPoolClient client = userPool.addClient("Client", UserPoolClientOptions.builder()
          .generateSecret(false)
          .authFlows(AuthFlow.builder().userSrp(true).build())
          .idTokenValidity(Duration.hours(1))
          .accessTokenValidity(Duration.hours(1))
          .build());
      issuer = userPool.getUserPoolProviderUrl();
      audience = List.of(client.getUserPoolClientId());
      CfnOutput.Builder.create(this, "UserPoolId").value(userPool.getUserPoolId()).build();
      CfnOutput.Builder.create(this, "UserPoolClientId").value(client.getUserPoolClientId())
          .build();
    }
    var authorizer = HttpJwtAuthorizer.Builder.create("Jwt", issuer)
        .jwtAudience(audience)
        .build();

    this.api = HttpApi.Builder.create(this, "FindingsApi")
        .description("Vigil records API: findings, corrective actions, audits, registers, SoA")
        .createDefaultStage(false)
        .defaultAuthorizer(authorizer)
        .build();
    var integration = HttpLambdaIntegration.Builder
        .create("FindingsApiIntegration", functions.findingsApi().alias())
        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
        .build();
    for (var path : ROUTES) {
      api.addRoutes(AddRoutesOptions.builder()
          .path(path)
          .methods(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH))
          .integration(integration)
          .build());
    }

    this.accessLogs = LogGroup.Builder.create(this, "AccessLogs")
        .retention(FunctionsStack.retention(config.logRetentionDays))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    var destination = new LogGroupLogDestination(accessLogs);
    this.stage = HttpStage.Builder.create(this, "DefaultStage")
        .httpApi(api)
        .stageName("$default")
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder()
            .rateLimit(config.apiThrottleRate)
            .burstLimit(config.apiThrottleBurst)
            .build())
        .accessLogSettings(new IAccessLogSettings() {
          @Override
          public IAccessLogDestination getDestination() {
            return destination;
          }

          @Override
          public AccessLogFormat getFormat() {
            return AccessLogFormat.custom("{\"requestId\":\"" + AccessLogField.contextRequestId()
                + "\",\"ip\":\"" + AccessLogField.contextIdentitySourceIp()
                + "\",\"sub\":\"$context.authorizer.claims.sub\""
                + ",\"requestTime\":\"" + AccessLogField.contextRequestTime()
                + "\",\"method\":\"" + AccessLogField.contextHttpMethod()
                + "\",\"routeKey\":\"$context.routeKey\""
                + ",\"status\":\"" + AccessLogField.contextStatus()
                + "\",\"responseLength\":\"" + AccessLogField.contextResponseLength()
                + "\",\"integrationError\":\"$context.integrationErrorMessage\""
                + ",\"authorizerError\":\"$context.authorizer.error\"}");
          }
        })
        .build();

    CfnOutput.Builder.create(this, "ApiUrl").value(api.getApiEndpoint())
        .description("base URL of the findings API").build();
  }

  public HttpApi api() {
    return api;
  }

  public HttpStage stage() {
    return stage;
  }

  public LogGroup accessLogs() {
    return accessLogs;
  }

  /** The user pool, when the stack created one (no jwtIssuer in the context). */
  public UserPool userPool() {
    return userPool;
  }
}
