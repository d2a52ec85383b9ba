package io.vigil.cli;

import io.vigil.aws.AwsSettings;
import io.vigil.functions.collectevidence.VigilSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * What a collection covers: regions, member accounts and how to get into them, and how many
 * account × region units run at once. Each option falls back to an environment variable.
 */
final class ScopeOptions {

  @Option(names = "--regions", paramLabel = "R1,R2|all",
      description = "Regions to scan, comma-separated, or 'all' for every enabled region."
          + " Default: $VIGIL_REGIONS, else the region.")
  String regions;

  @Option(names = "--accounts", paramLabel = "ID1,ID2|organization",
      description = "Member accounts to read in addition to the account of the credentials,"
          + " comma-separated, or 'organization' for every active account of the AWS"
          + " Organization. Default: $VIGIL_ACCOUNTS, else none.")
  String accounts;

  @Option(names = "--role-name", paramLabel = "NAME",
      description = "Role Vigil assumes in member accounts. Default: $VIGIL_MEMBER_ROLE_NAME.")
  String roleName;

  @Option(names = "--external-id", paramLabel = "ID",
      description = "ExternalId the member role's trust policy requires."
          + " Default: $VIGIL_MEMBER_EXTERNAL_ID.")
  String externalId;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Account x region units collected at once (1-64). Default: 4.")
  Integer concurrency;

  /** The function properties for this scope. */
  Map<String, String> properties(UnaryOperator<String> env) {
    var p = new LinkedHashMap<String, String>();
    p.put(VigilSettings.REGIONS, AwsOptions.first(regions, env.apply("VIGIL_REGIONS")).orElse(""));
    p.put(VigilSettings.ACCOUNTS, AwsOptions.first(accounts, env.apply("VIGIL_ACCOUNTS"))
        .orElse(""));
    p.put(AwsSettings.MEMBER_ROLE_NAME,
        AwsOptions.first(roleName, env.apply("VIGIL_MEMBER_ROLE_NAME")).orElse(""));
    p.put(AwsSettings.MEMBER_EXTERNAL_ID,
        AwsOptions.first(externalId, env.apply("VIGIL_MEMBER_EXTERNAL_ID")).orElse(""));
    if (concurrency != null) {
      p.put(VigilSettings.CONCURRENCY, Integer.toString(concurrency));
    }
    return p;
  }
}
