package io.vigil.checks.guardduty;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The GuardDuty detectors of one account in one region (a region has at most one).
 *
 * @param detectors every detector ListDetectors returned
 */
public record GuardDutySnapshot(List<Detector> detectors) {

  public GuardDutySnapshot {
    detectors = List.copyOf(detectors);
  }

  /**
   * One detector.
   *
   * @param settings what GetDetector said about it
   */
  public record Detector(String id, String arn, Lookup<Settings> settings) {

    public Detector {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(settings, "settings");
    }
  }

  /**
   * The GetDetector facts the checks judge.
   *
   * @param status {@code ENABLED} or {@code DISABLED} (suspended)
   * @param findingPublishingFrequency e.g. {@code SIX_HOURS}
   * @param s3Protection status of S3 protection: the {@code S3_DATA_EVENTS} feature, else the
   *     legacy {@code dataSources.s3Logs}; null when GuardDuty reported neither
   */
  public record Settings(String status, String findingPublishingFrequency, String s3Protection) {

    public static final String ENABLED = "ENABLED";

    public Settings {
      Objects.requireNonNull(status, "status");
    }

    public boolean enabled() {
      return ENABLED.equals(status);
    }
  }
}
