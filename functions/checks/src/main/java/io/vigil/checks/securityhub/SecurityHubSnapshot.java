package io.vigil.checks.securityhub;

import io.vigil.checks.Lookup;
import java.util.Objects;

/**
 * Security Hub in one account and region.
 *
 * @param hub DescribeHub; absent when the account is not subscribed in the region
 */
public record SecurityHubSnapshot(Lookup<Hub> hub) {

  public SecurityHubSnapshot {
    Objects.requireNonNull(hub, "hub");
  }

  /**
   * The hub.
   *
   * @param subscribedAt when Security Hub was enabled (ISO-8601), or null
   * @param autoEnableControls whether new controls of enabled standards are enabled automatically
   */
  public record Hub(String arn, String subscribedAt, boolean autoEnableControls) {

    public Hub {
      Objects.requireNonNull(arn, "arn");
    }
  }
}
