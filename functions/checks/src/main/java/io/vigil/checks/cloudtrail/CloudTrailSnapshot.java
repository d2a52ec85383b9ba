package io.vigil.checks.cloudtrail;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The trails that apply to one account: trails of the home region and every multi-region trail,
 * including shadow copies of trails whose home is another region or the organization's
 * management account.
 *
 * @param trails every trail DescribeTrails returned with shadow trails included
 */
public record CloudTrailSnapshot(List<Trail> trails) {

  public CloudTrailSnapshot {
    trails = List.copyOf(trails);
  }

  /**
   * One trail.
   *
   * @param homeRegion the region the trail was created in
   * @param logging whether the trail is recording now (GetTrailStatus IsLogging)
   */
  public record Trail(
      String name,
      String arn,
      String homeRegion,
      boolean multiRegion,
      boolean organizationTrail,
      boolean logFileValidation,
      Lookup<Boolean> logging) {

    public Trail {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(homeRegion, "homeRegion");
      Objects.requireNonNull(logging, "logging");
    }
  }
}
