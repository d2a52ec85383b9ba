package io.vigil.domain.collection;

import io.vigil.domain.check.ScanTarget;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One account × region × service group part of a collection run: the unit that is dispatched (one
 * SQS message in Lambda, one task of the local thread pool), claimed, recorded in the ledger and
 * retried on its own.
 *
 * @param homeRegion whether account-scoped (global) services such as IAM are evaluated in this unit;
 *     exactly one unit per account and service group of a run has it
 * @param change null for a full collection, else the changed resource to re-evaluate
 * @param serviceGroup the service group whose checks the unit evaluates (e.g. {@code network},
 *     {@code governance}), or {@link #ALL_GROUPS} when the process that collects it evaluates
 *     every group it has (CLI, local runs, a single fan-out queue, change events)
 */
public record CollectionUnit(
    String runId, String trigger, ScanTarget target, boolean homeRegion, ChangeScope change,
    String serviceGroup) {

  /** The service group of a unit evaluated with every group of the collecting process. */
  public static final String ALL_GROUPS = "all";

  private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public CollectionUnit {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("a collection unit belongs to a run");
    }
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(target, "target");
    serviceGroup = serviceGroup == null ? ALL_GROUPS : serviceGroup;
    if (!GROUP.matcher(serviceGroup).matches()) {
      throw new IllegalArgumentException("a service group is a lower-case name such as 'network',"
          + " got '" + serviceGroup + "'");
    }
  }

  /** A unit of every service group ({@link #ALL_GROUPS}). */
  public CollectionUnit(
      String runId, String trigger, ScanTarget target, boolean homeRegion, ChangeScope change) {
    this(runId, trigger, target, homeRegion, change, ALL_GROUPS);
  }

  /** Whether the unit evaluates every group of the process that collects it. */
  public boolean allGroups() {
    return ALL_GROUPS.equals(serviceGroup);
  }

  /**
   * Stable id of the unit within its run: {@code <runId>#<account>#<region>} for a unit of every
   * group, {@code <runId>#<account>#<region>#<group>} for a unit of one service group.
   */
  public String unitId() {
    var id = runId + "#" + target.accountId() + "#" + target.region();
    return allGroups() ? id : id + "#" + serviceGroup;
  }
}
