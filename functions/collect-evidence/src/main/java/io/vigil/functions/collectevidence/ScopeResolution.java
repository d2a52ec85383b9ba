package io.vigil.functions.collectevidence;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule that decides which accounts and regions a scheduled run covers, from the settings
 * ({@code vigil.accounts}, {@code vigil.regions}) and the ISMS scope record (register
 * {@code scope}, record {@code isms}, clause 4.3) when there is one:
 *
 * <ul>
 *   <li>accounts: the record's {@code accounts} when it lists any — then exactly those, the
 *       account of Vigil's own credentials only if listed; otherwise the caller's account plus
 *       {@code vigil.accounts} (a list, or every active account of the AWS Organization);
 *   <li>regions: the record's {@code regions} when it lists any; otherwise {@code vigil.regions}
 *       (a list, {@code all} enabled regions, or the current region);
 *   <li>then every {@code exclusions} entry whose {@code item} is one of those account ids or
 *       region names removes it (other exclusions, e.g. a workload, do not change the targets).
 * </ul>
 *
 * A scope that leaves no account or no region is refused: a run that silently collected nothing
 * would be a gap in the evidence.
 */
final class ScopeResolution {

  /** The id of the ISMS scope record (the {@code scope} register holds this one record). */
  static final String SCOPE_ID = "isms";

  /** What the resolution asks of AWS, only when the rule needs it. */
  interface Environment {
    /** The account of Vigil's own credentials. */
    String callerAccount();

    /** Every active account of the AWS Organization. */
    List<String> organizationAccounts();

    /** The regions a configured list names: itself, {@code all} enabled, or (empty) the current. */
    List<String> regionNames(List<String> configured);
  }

  /** The targets of a run, and a sentence saying where its scope came from (for the log). */
  record Resolved(List<ScanTarget> targets, List<String> accounts, List<String> regions,
      String source) {}

  private ScopeResolution() {}

  /**
   * Resolves the targets.
   *
   * @param scope the ISMS scope record, if one is stored
   * @throws IllegalStateException if the scope record lists something that is not an account id,
   *     or the scope leaves no account or no region
   */
  static Resolved resolve(List<String> settingAccounts, List<String> settingRegions,
      Optional<RegisterRecord> scope, Environment env) {
    var record = scope.filter(r -> r.kind() == RegisterKind.SCOPE);
    var recordAccounts = record.map(r -> r.texts("accounts")).orElse(List.of());
    var recordRegions = record.map(r -> r.texts("regions")).orElse(List.of());
    var exclusions = new LinkedHashSet<String>();
    record.ifPresent(r -> r.objects("exclusions").forEach(e -> {
      if (e.get("item") instanceof String item && !item.isBlank()) {
        exclusions.add(item.strip());
      }
    }));

    var accounts = new LinkedHashSet<String>();
    if (!recordAccounts.isEmpty()) {
      for (var a : recordAccounts) {
        if (!a.matches("\\d{12}")) {
          throw new IllegalStateException("the ISMS scope record (registers/scope/" + SCOPE_ID
              + ") lists account '" + a + "', which is not a 12-digit account id: correct the"
              + " record");
        }
        accounts.add(a);
      }
    } else {
      accounts.add(env.callerAccount());
      for (var a : settingAccounts) {
        if (a.equals(ScanScope.ORGANIZATION)) {
          accounts.addAll(env.organizationAccounts());
        } else {
          accounts.add(a);
        }
      }
    }
    var regions = new LinkedHashSet<String>(recordRegions.isEmpty()
        ? env.regionNames(settingRegions) : recordRegions);

    var removed = new TreeSet<String>();
    for (var item : exclusions) {
      if (accounts.remove(item) | regions.remove(item)) {
        removed.add(item);
      }
    }
    var source = source(record, !recordAccounts.isEmpty(), !recordRegions.isEmpty(), removed);
    if (accounts.isEmpty() || regions.isEmpty()) {
      throw new IllegalStateException("the scan scope leaves no " + (accounts.isEmpty()
          ? "account" : "region") + " to collect (" + source + "): correct the ISMS scope"
          + " record (registers/scope/" + SCOPE_ID + ") or the settings "
          + VigilSettings.ACCOUNTS + " / " + VigilSettings.REGIONS);
    }
    var targets = new ArrayList<ScanTarget>();
    for (var account : accounts) {
      for (var region : regions) {
        targets.add(new ScanTarget(account, region));
      }
    }
    return new Resolved(List.copyOf(targets), List.copyOf(accounts), List.copyOf(regions),
        source);
  }

  private static String source(Optional<RegisterRecord> record, boolean accountsFromRecord,
      boolean regionsFromRecord, Set<String> removed) {
    if (record.isEmpty()) {
      return "from the settings " + VigilSettings.ACCOUNTS + " and " + VigilSettings.REGIONS
          + "; no ISMS scope record";
    }
    var name = "the ISMS scope record (registers/scope/" + SCOPE_ID + ", version "
        + record.get().version() + ")";
    String lists;
    if (accountsFromRecord && regionsFromRecord) {
      lists = "accounts and regions from " + name;
    } else if (accountsFromRecord) {
      lists = "accounts from " + name + ", regions from the setting " + VigilSettings.REGIONS;
    } else if (regionsFromRecord) {
      lists = "regions from " + name + ", accounts from the setting " + VigilSettings.ACCOUNTS
          + " and Vigil's own account";
    } else {
      lists = "from the settings " + VigilSettings.ACCOUNTS + " and " + VigilSettings.REGIONS
          + "; " + name + " lists no accounts or regions";
    }
    return removed.isEmpty() ? lists : lists + "; excluded by the record: "
        + String.join(", ", removed);
  }
}
