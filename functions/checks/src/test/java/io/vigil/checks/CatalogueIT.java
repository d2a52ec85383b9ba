package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.collection.Evaluation;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole catalogue as Micronaut wires it, run by the domain's collector against the emulator:
 * every loader reads its service and no check ends in ERROR.
 */
@WithAwsEmulator
class CatalogueIT {

  @Test
  void collect_runsEveryCheck_withoutErrors(AwsEmulator emulator) {
    // GIVEN
    try (var clients = EmulatorTargets.factory(emulator);
        var context = BeanContext.build()) {
      context.registerSingleton(AwsClientFactory.class, clients);
      context.start();
      var checks = new ArrayList<EvidenceCheck<?>>();
      context.getBeansOfType(EvidenceCheck.class).forEach(checks::add);
      var loaders = new ArrayList<SnapshotLoader<?>>();
      context.getBeansOfType(SnapshotLoader.class).forEach(loaders::add);
      var failedServices = new ArrayList<String>();
      var progress = new ProgressListener() {
        @Override
        public void snapshotFailed(ScanTarget t, String service, String error) {
          failedServices.add(service + ": " + error);
        }
      };
      var target = EmulatorTargets.target(clients, emulator);
      // WHEN
      var results = new EvidenceCollector(checks, loaders)
          .collect(List.of(target), "run-it", Instant.now(), progress);
      // THEN
      assertEquals(List.of(), failedServices);
      var errors = results.stream().map(Evaluation::result)
          .filter(r -> r.status() == CheckStatus.ERROR).toList();
      assertEquals(List.of(), errors);
      var judged = results.stream().map(r -> r.result().checkId().value()).distinct().toList();
      for (var id : List.of("iam_root_mfa_enabled", "iam_password_policy_strong",
          "cloudtrail_multi_region_trail_enabled", "ec2_ebs_default_encryption_enabled")) {
        assertTrue(judged.contains(id), id + " produced no result; got " + judged);
      }
    }
  }
}
