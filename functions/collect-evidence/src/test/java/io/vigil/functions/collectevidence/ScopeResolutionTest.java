package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scan scope rule: settings, overridden by the ISMS scope record, narrowed by exclusions. */
class ScopeResolutionTest {

  private static final String CALLER = "111111111111";
  private static final String MEMBER = "222222222222";
  private static final String OTHER = "333333333333";

  /** An environment that answers from fixed lists and records what it was asked. */
  private static final class FakeAws implements ScopeResolution.Environment {
    final List<String> asked = new ArrayList<>();

    @Override
    public String callerAccount() {
      asked.add("caller");
      return CALLER;
    }

    @Override
    public List<String> organizationAccounts() {
      asked.add("organization");
      return List.of(CALLER, MEMBER, OTHER);
    }

    @Override
    public List<String> regionNames(List<String> configured) {
      asked.add("regions " + configured);
      if (configured.isEmpty()) {
        return List.of("eu-west-1");
      }
      return configured.equals(List.of("all"))
          ? List.of("eu-central-1", "eu-west-1", "us-east-1") : configured;
    }
  }

  private final FakeAws aws = new FakeAws();

  private static Optional<RegisterRecord> scope(List<String> accounts, List<String> regions,
      String... excluded) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("description", "the platform");
    if (!accounts.isEmpty()) {
      fields.put("accounts", accounts);
    }
    if (!regions.isEmpty()) {
      fields.put("regions", regions);
    }
    if (excluded.length > 0) {
      fields.put("exclusions", java.util.Arrays.stream(excluded)
          .map(item -> Map.of("item", item, "justification", "not ours")).toList());
    }
    var t = Instant.parse("2026-11-28T06:00:00Z");
    return Optional.of(new RegisterRecord(RegisterKind.SCOPE, "isms",
        RegisterKind.SCOPE.schema().normalise(fields), Map.of(), t, "m", t, "m", 3));
  }

  private static List<ScanTarget> targets(String... accountRegion) {
    var out = new ArrayList<ScanTarget>();
    for (var ar : accountRegion) {
      var parts = ar.split(" ");
      out.add(new ScanTarget(parts[0], parts[1]));
    }
    return out;
  }

  @Test
  void withoutARecord_theSettingsDecide_callersAccountFirst() {
    var r = ScopeResolution.resolve(List.of(MEMBER), List.of("eu-west-1", "us-east-1"),
        Optional.empty(), aws);

    assertEquals(targets(CALLER + " eu-west-1", CALLER + " us-east-1", MEMBER + " eu-west-1",
        MEMBER + " us-east-1"), r.targets());
    assertTrue(r.source().contains("no ISMS scope record"), r.source());
  }

  @Test
  void aRecordWithAccountsAndRegions_replacesBothSettings_withoutTheCallerUnlessListed() {
    var r = ScopeResolution.resolve(List.of("organization"), List.of("all"),
        scope(List.of(OTHER, MEMBER), List.of("eu-central-1")), aws);

    assertEquals(targets(OTHER + " eu-central-1", MEMBER + " eu-central-1"), r.targets());
    assertEquals(List.of(), aws.asked, "neither STS, Organizations nor the region list asked");
    assertTrue(r.source().contains("accounts and regions from the ISMS scope record"),
        r.source());
    assertTrue(r.source().contains("version 3"), r.source());

    var listed = ScopeResolution.resolve(List.of(), List.of(),
        scope(List.of(MEMBER, CALLER), List.of("eu-west-1")), aws);
    assertEquals(targets(MEMBER + " eu-west-1", CALLER + " eu-west-1"), listed.targets());
  }

  @Test
  void aRecordWithRegionsOnly_keepsTheAccountsOfTheSettings() {
    var r = ScopeResolution.resolve(List.of(MEMBER), List.of("us-east-1"),
        scope(List.of(), List.of("eu-west-1")), aws);

    assertEquals(targets(CALLER + " eu-west-1", MEMBER + " eu-west-1"), r.targets());
    assertTrue(r.source().startsWith("regions from the ISMS scope record"), r.source());
  }

  @Test
  void aRecordWithAccountsOnly_keepsTheRegionsOfTheSettings() {
    var r = ScopeResolution.resolve(List.of(MEMBER), List.of("all"),
        scope(List.of(OTHER), List.of()), aws);

    assertEquals(targets(OTHER + " eu-central-1", OTHER + " eu-west-1", OTHER + " us-east-1"),
        r.targets());
    assertTrue(r.source().startsWith("accounts from the ISMS scope record"), r.source());
  }

  @Test
  void exclusionsRemoveAccountsAndRegions_includingThoseTheSettingsExpandTo() {
    var r = ScopeResolution.resolve(List.of("organization"), List.of("all"),
        scope(List.of(), List.of(), MEMBER, "us-east-1", "the marketing website"), aws);

    assertEquals(targets(CALLER + " eu-central-1", CALLER + " eu-west-1", OTHER
        + " eu-central-1", OTHER + " eu-west-1"), r.targets());
    assertTrue(r.source().contains("lists no accounts or regions"), r.source());
    assertTrue(r.source().endsWith("excluded by the record: 222222222222, us-east-1"),
        r.source());
  }

  @Test
  void exclusionsApplyToTheRecordsOwnLists_andMayRemoveTheCaller() {
    var r = ScopeResolution.resolve(List.of(MEMBER), List.of(),
        scope(List.of(), List.of("eu-west-1", "eu-central-1"), "eu-central-1", CALLER), aws);

    assertEquals(targets(MEMBER + " eu-west-1"), r.targets());
  }

  @Test
  void aScopeThatLeavesNothing_isRefusedNamingWhy() {
    var e = assertThrows(IllegalStateException.class, () -> ScopeResolution.resolve(List.of(),
        List.of(), scope(List.of(), List.of("eu-west-1"), "eu-west-1"), aws));

    assertTrue(e.getMessage().contains("leaves no region"), e.getMessage());
    assertTrue(e.getMessage().contains("registers/scope/isms"), e.getMessage());
  }

  @Test
  void aRecordOfAnotherRegisterIsNotAScope() {
    var t = Instant.parse("2026-11-28T06:00:00Z");
    var issue = new RegisterRecord(RegisterKind.ISSUE, "isms", Map.of("title", "x", "type",
        "INTERNAL", "regions", List.of("us-east-1")), Map.of(), t, "m", t, "m", 1);

    var r = ScopeResolution.resolve(List.of(), List.of(), Optional.of(issue), aws);

    assertEquals(targets(CALLER + " eu-west-1"), r.targets());
  }
}
