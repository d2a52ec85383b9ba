package io.vigil.infrastructure;

import io.vigil.checks.ServiceGroup;
import java.util.List;

/**
 * The collect-evidence service groups as deployed: each has its own deployment package, fan-out
 * queue and change-event rules (ADR 0005, ADR 0007). Which CloudTrail event sources and AWS Config
 * resource types belong to a group comes from {@link ServiceGroup} of the checks module, the one
 * place of those lists. The network group's rules match its sources and types; the governance
 * group's rules take everything else (so a change of a service no group lists still reaches a
 * collector, which ignores it if no check applies).
 */
public enum CollectorGroup {
  NETWORK(ServiceGroup.NETWORK, LambdaPackages.COLLECT_EVIDENCE_NETWORK),
  GOVERNANCE(ServiceGroup.GOVERNANCE, LambdaPackages.COLLECT_EVIDENCE_GOVERNANCE);

  private final ServiceGroup group;
  private final String packageName;

  CollectorGroup(ServiceGroup group, String packageName) {
    this.group = group;
    this.packageName = packageName;
  }

  /** The group's name in {@code vigil.fan-out-queues} ({@code network}, {@code governance}). */
  public String id() {
    return group.id();
  }

  /** Its deployment package in {@link LambdaPackages}. */
  public String packageName() {
    return packageName;
  }

  /** CloudTrail event sources of the network group (the governance group: all others). */
  public static List<String> networkEventSources() {
    return ServiceGroup.NETWORK.eventSources();
  }

  /** AWS Config resource type prefixes of the network group (governance: all others). */
  public static List<String> networkConfigTypePrefixes() {
    return ServiceGroup.NETWORK.configResourceTypePrefixes();
  }

  /** Every group the checks module knows must be deployed (tested). */
  static List<ServiceGroup> serviceGroups() {
    return List.of(ServiceGroup.values());
  }
}
