package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Context keys: documented defaults, and an error naming the key for every bad value. */
class VigilConfigTest {

  private static VigilConfig config(String... pairs) {
    var map = new HashMap<String, Object>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return new VigilConfig(map::get, Map.of());
  }

  @Test
  void defaults() {
    var c = config();
    assertEquals(VigilConfig.Stage.TEST, c.stage);
    assertEquals(VigilConfig.ObjectLockMode.GOVERNANCE, c.objectLockMode);
    assertEquals(30, c.evidenceRetentionDays);
    assertEquals(365, c.logRetentionDays);
    assertEquals("java25", c.lambdaRuntime);
    assertEquals("vigil", c.eventBusName);
    assertEquals("cron(0 6 * * ? *)", c.collectionSchedule);
    assertEquals("UTC", c.scheduleTimezone);
    assertEquals(List.of(), c.memberAccounts);
    assertTrue(c.account.isEmpty() && c.jwtIssuer.isEmpty() && c.auditProgramme.isEmpty());
    assertTrue(c.changeEvents);
    assertEquals("Vigil", c.stackPrefix);
  }

  @Test
  void productionDefaultsToComplianceModeForThreeYears() {
    var c = config("stage", "prod");
    assertEquals(VigilConfig.ObjectLockMode.COMPLIANCE, c.objectLockMode);
    assertEquals(1095, c.evidenceRetentionDays);
    assertEquals(VigilConfig.ObjectLockMode.GOVERNANCE,
        config("stage", "prod", "objectLockMode", "governance").objectLockMode);
  }

  @Test
  void environmentComesFromTheCdkCliWhenTheContextHasNone() {
    var c = new VigilConfig(k -> null, Map.of("CDK_DEFAULT_ACCOUNT", "111122223333",
        "CDK_DEFAULT_REGION", "eu-central-1"));
    assertEquals("111122223333", c.account.orElseThrow());
    assertEquals("eu-central-1", c.region.orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stage|staging|stage",
      "account|12345|account",
      "region|europe|region",
      "accounts|1234,5678|accounts",
      "accounts|111122223333|memberExternalId",
      "regions|eu-west-1,mars-1|regions",
      "collectionSchedule|every day|collectionSchedule",
      "scheduleTimezone|Mars/Olympus|scheduleTimezone",
      "logRetentionDays|42|logRetentionDays",
      "logRetentionDays|a year|logRetentionDays",
      "objectLockMode|LEGAL_HOLD|objectLockMode",
      "evidenceRetentionDays|0|evidenceRetentionDays",
      "lambdaRuntime|java17|lambdaRuntime",
      "alarmEmail|not-an-address|alarmEmail",
      "changeEvents|yes|changeEvents",
      "notifyRoutes|{\"name\":\"x\"}|notifyRoutes",
      "jwtIssuer|http://insecure.example|jwtIssuer",
      "jwtIssuer|https://login.acme.example|jwtAudience",
      "jwtAudience|vigil|jwtIssuer",
      "eventBusName|default|eventBusName",
      "auditProgrammeFile|/no/such/file.json|auditProgrammeFile",
      "auditProgramme|[1,2]|auditProgramme",
      "organizationId|o-abcdefghij|organizationId",
      "stackPrefix|9lives|stackPrefix",
      "apiThrottleRate|0|apiThrottleRate",
  })
  void badValueIsRefusedNamingTheKey(String key, String value, String namedKey) {
    var e = assertThrows(InvalidContextException.class, () -> config(key, value));
    assertEquals(namedKey, e.key());
    assertTrue(e.getMessage().startsWith("context key '" + namedKey + "': "), e.getMessage());
  }

  @Test
  void memberAccountsNeedAnExternalIdAndOrganizationModeMayNameTheOrganization() {
    var c = config("accounts", "organization", "organizationId", "o-abcdefghij",
        "memberExternalId", "x-1");
    assertTrue(c.organization && c.hasMembers());
    assertEquals("organization", c.accountsSetting());
    var list = config("accounts", "111122223333, 444455556666", "memberExternalId", "x-1");
    assertEquals("111122223333,444455556666", list.accountsSetting());
  }

  @Test
  void anOversizedAuditProgrammeIsRefusedBeforeLambdaWould() {
    var big = "{\"auditSize\": 1, \"pad\": \"" + "x".repeat(4000) + "\"}";
    var e = assertThrows(InvalidContextException.class, () -> config("auditProgramme", big));
    assertTrue(e.getMessage().contains("4 KB"), e.getMessage());
  }

  @Test
  void theAuditProgrammeIsCompactedOutsideItsStrings() {
    assertEquals("{\"a\":[1,2],\"b\":\"x  y \\\" z\"}",
        VigilConfig.compactJson("{ \"a\": [1, 2],\n  \"b\": \"x  y \\\" z\" }"));
    var c = config("auditProgrammeFile", "../events/schedule-audits/programme.json");
    assertTrue(c.auditProgramme.orElseThrow().startsWith("{\"cycleMonths\":12,\"auditSize\":6,"));
  }

  @Test
  void everyKeyIsDocumentedInTheReadme() throws Exception {
    var readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    for (var key : VigilConfig.KEYS.keySet()) {
      assertTrue(readme.contains("`" + key + "`"), "README documents context key " + key);
    }
  }
}
