package io.vigil.functions.collectevidence;

import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.ScanTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Which accounts and regions a run covers: the account whose credentials Vigil runs with (asked of
 * STS, so the evidence names the account that was really read) in the configured regions, or the
 * default region when none are configured.
 */
public final class ScanScope {

  private final AwsClientFactory clients;
  private final List<String> regions;
  private volatile String account;

  public ScanScope(AwsClientFactory clients, List<String> regions) {
    this.clients = clients;
    this.regions = List.copyOf(new LinkedHashSet<>(regions));
  }

  public List<ScanTarget> targets() {
    var accountId = callerAccount();
    var out = new ArrayList<ScanTarget>();
    var list = regions.isEmpty() ? List.of(clients.defaultRegion().id()) : regions;
    for (var region : list) {
      out.add(new ScanTarget(accountId, region));
    }
    return out;
  }

  private String callerAccount() {
    var a = account;
    if (a == null) {
      var sts = clients.client(StsClient.class, StsClient::builder, clients.defaultRegion());
      a = sts.getCallerIdentity().account();
      account = a;
    }
    return a;
  }
}
