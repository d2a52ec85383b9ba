package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's audit programme and {@code vigil audits plan} reading open findings as risk inputs,
 * against the test emulator.
 */
@WithAwsEmulator
class AuditsCommandIT {

  @Test
  void theDemoPrintsItsProgrammeAndPlanReadsTheOpenFindings(AwsEmulator aws) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var storage = new String[] {"--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", "vigil-it-" + suffix, "--bucket", "vigil-it-" + suffix};
    var demo = CliRunner.run(Map.of(), concat(new String[] {"demo"}, storage));
    assertEquals(0, demo.exitCode(), demo.err());
    assertTrue(demo.out().contains(AuditsDemo.HEADING), demo.out());
    assertTrue(demo.out().contains("audits planned to"), demo.out());

    var config = Samples.programme("programme.json").toString();
    var plan = CliRunner.run(Map.of(), concat(new String[] {"audits", "plan", "--config", config,
        "--from", "2027-01-01"}, storage));
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.err().contains("open finding(s)"), plan.err());
    var parsed = AuditPlanFile.parse(plan.out());
    assertTrue(!parsed.audits().isEmpty(), plan.out());
  }

  private static String[] concat(String[] a, String[] b) {
    var all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
