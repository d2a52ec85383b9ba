package io.vigil.domain.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.fakes.TestEstate;
import io.vigil.domain.fakes.TestEstate.Bucket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceCollectorTest {

  @Test
  void constructor_rejectsDuplicateIdsAndChecksWithoutLoader() {
    var loader = new TestEstate.Loader();
    assertThrows(IllegalArgumentException.class, () -> new EvidenceCollector(
        List.of(new TestEstate.EncryptionCheck(), new TestEstate.EncryptionCheck()), List.of(loader)));
    assertThrows(IllegalArgumentException.class,
        () -> new EvidenceCollector(List.of(new TestEstate.EncryptionCheck()), List.of()));
  }

  @Test
  void collect_loadsAccountScopedServicesOncePerAccount_inTheHomeRegion() {
    var loader = new TestEstate.Loader().with(new Bucket("b", true, true));
    var collector = new EvidenceCollector(List.of(new TestEstate.EncryptionCheck()), List.of(loader));
    var targets = List.of(new ScanTarget("123456789012", "eu-west-1"),
        new ScanTarget("123456789012", "us-east-1"), new ScanTarget("210987654321", "eu-west-1"));

    var out = collector.collect(targets, "r", Instant.EPOCH, ProgressListener.SILENT);

    assertEquals(2, loader.loads());
    assertEquals(List.of("eu-west-1", "eu-west-1"),
        out.stream().map(e -> e.result().region()).toList());
  }
}
