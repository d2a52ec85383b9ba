package io.vigil.checks.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigRecorderAllResourcesRecordingCheckTest {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  private final ConfigRecorderAllResourcesRecordingCheck check =
      new ConfigRecorderAllResourcesRecordingCheck();

  static ConfigSnapshot.Recorder recorder(boolean all, Lookup<ConfigSnapshot.Status> status) {
    return new ConfigSnapshot.Recorder("default", all, all, all ? 0 : 3, status);
  }

  static ConfigSnapshot of(ConfigSnapshot.Recorder... recorders) {
    return new ConfigSnapshot(List.of(recorders), List.of());
  }

  @Test
  void evaluate_fails_whenRegionHasNoRecorder() {
    var o = check.evaluate(of(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("arn:aws:config:eu-west-1:123456789012:*", o.resourceArn());
    assertEquals("region eu-west-1: no AWS Config recorder", o.reason());
  }

  @Test
  void evaluate_passes_whenRecordingAllTypes() {
    var o = check.evaluate(of(recorder(true, Lookup.found(
        new ConfigSnapshot.Status(true, "SUCCESS")))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("region eu-west-1: AWS Config records all supported resource types",
        o.reason());
  }

  @Test
  void evaluate_fails_listingEveryProblem() {
    // GIVEN selected types only and stopped
    var partial = check.evaluate(of(recorder(false, Lookup.found(
        new ConfigSnapshot.Status(false, null)))), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, partial.status());
    assertEquals("region eu-west-1: recorder default records only 3 selected resource types;"
        + " recorder default is stopped", partial.reason());
    // GIVEN recording all types but failing to deliver
    var failing = check.evaluate(of(recorder(true, Lookup.found(
        new ConfigSnapshot.Status(true, "FAILURE")))), TARGET).get(0);
    assertEquals("region eu-west-1: recorder default failed its last delivery",
        failing.reason());
  }

  @Test
  void evaluate_errors_whenStatusCouldNotBeRead_andTreatsMissingStatusAsStopped() {
    var error = check.evaluate(of(recorder(true, Lookup.failed(
        "DescribeConfigurationRecorderStatus failed: AccessDenied"))), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, error.status());
    var missing = check.evaluate(of(recorder(true, Lookup.absent())), TARGET).get(0);
    assertEquals("region eu-west-1: recorder default is stopped", missing.reason());
  }
}
