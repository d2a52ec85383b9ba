package io.vigil.domain.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryLedgerRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.fakes.InMemoryRunRepository;
import io.vigil.domain.fakes.TestEstate;
import io.vigil.domain.fakes.TestEstate.Bucket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Units of service groups (ADR 0005): a run split per account × region × group, unit ids and
 * messages carrying the group, and the finding lifecycle scoped to the checks a unit evaluated.
 */
class ServiceGroupUnitsTest {

  private static final Instant T0 = Instant.parse("2026-11-28T06:00:05Z");
  private static final ScanTarget HOME = TestEstate.TARGET;
  private static final ScanTarget OTHER = new ScanTarget("123456789012", "us-east-1");
  private static final ScanTarget MEMBER = new ScanTarget("222222222222", "eu-west-1");

  // ---- units and messages ----

  @Test
  void units_oneUnitPerTargetAndGroup_homeInEachAccountsFirstRegionForEveryGroup() {
    var request = new CollectionRequest("run-1", "t", List.of(HOME, OTHER, MEMBER), null,
        List.of("network", "governance"));

    var units = request.units();

    assertEquals(List.of(
            "run-1#123456789012#eu-west-1#network", "run-1#123456789012#eu-west-1#governance",
            "run-1#123456789012#us-east-1#network", "run-1#123456789012#us-east-1#governance",
            "run-1#222222222222#eu-west-1#network", "run-1#222222222222#eu-west-1#governance"),
        units.stream().map(CollectionUnit::unitId).toList());
    assertEquals(List.of(true, true, false, false, true, true),
        units.stream().map(CollectionUnit::homeRegion).toList());
  }

  @Test
  void unitOfEveryGroup_keepsTheUnitIdWithoutAGroup() {
    var units = new CollectionRequest("run-1", "t", List.of(HOME)).units();

    assertEquals(1, units.size());
    assertEquals(CollectionUnit.ALL_GROUPS, units.get(0).serviceGroup());
    assertTrue(units.get(0).allGroups());
    assertEquals("run-1#123456789012#eu-west-1", units.get(0).unitId());
    assertEquals(units.get(0), new CollectionUnit("run-1", "t", HOME, true, null));
  }

  @Test
  void request_refusesRepeatedGroups_andAllMixedWithGroups() {
    assertThrows(IllegalArgumentException.class, () -> new CollectionRequest("r", "t",
        List.of(HOME), null, List.of("network", "network")));
    var mixed = assertThrows(IllegalArgumentException.class, () -> new CollectionRequest("r",
        "t", List.of(HOME), null, List.of("all", "network")));
    assertTrue(mixed.getMessage().contains("'all' already covers every group"));
    assertThrows(IllegalArgumentException.class,
        () -> new CollectionUnit("r", "t", HOME, true, null, "Net#work"));
  }

  @Test
  void message_carriesTheGroup_andAMessageWithoutOneIsAUnitOfEveryGroup() {
    var unit = new CollectionUnit("run-1", "t", HOME, true, null, "network");

    var map = UnitMessage.toMap(unit);

    assertEquals("network", map.get("serviceGroup"));
    assertEquals(unit, UnitMessage.fromMap(map));
    var old = new HashMap<>(map);
    old.remove("serviceGroup");
    assertEquals(CollectionUnit.ALL_GROUPS, UnitMessage.fromMap(old).serviceGroup());
    old.put("serviceGroup", "Net work");
    var bad = assertThrows(IllegalArgumentException.class, () -> UnitMessage.fromMap(old));
    assertTrue(bad.getMessage().contains("field 'serviceGroup'"), bad.getMessage());
  }

  // ---- collection per group and the finding lifecycle ----

  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private final InMemoryResultRepository results = new InMemoryResultRepository();
  private final InMemoryFindingRepository findings = new InMemoryFindingRepository();
  private final InMemoryRunRepository runs = new InMemoryRunRepository();
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InMemoryLedgerRepository ledgerStore = new InMemoryLedgerRepository();
  private final EvidenceLedger ledger = new EvidenceLedger(ledgerStore, vault, now::get);

  /** Buckets (service s3: the "governance" group here) and volumes (ec2: "network"). */
  private final TestEstate.Loader buckets = new TestEstate.Loader();
  private final VolumeLoader volumes = new VolumeLoader();

  private CollectionService service(boolean withGovernance) {
    var all = new EvidenceCollector(
        List.of(new TestEstate.EncryptionCheck(), new VolumeEncryptedCheck()),
        List.of(buckets, volumes));
    var collectors = new HashMap<String, EvidenceCollector>();
    collectors.put("network", all.restrictedTo("ec2"::equals));
    if (withGovernance) {
      collectors.put("governance", all.restrictedTo("s3"::equals));
      collectors.put(CollectionUnit.ALL_GROUPS, all);
    } else {
      collectors.put(CollectionUnit.ALL_GROUPS, all.restrictedTo("ec2"::equals));
    }
    return new CollectionService(collectors, vault, results, findings, runs,
        FindingPolicy.defaults(), ledger, now::get);
  }

  private static CollectionUnit unit(String runId, String group) {
    return new CollectionUnit(runId, "test", HOME, true, null, group);
  }

  @Test
  void unitOfOneGroup_neverRecoversOrClosesFindingsOfAnotherGroupsChecks() {
    // GIVEN a failing bucket (governance) and a failing volume (network), each with a finding
    buckets.with(new Bucket("bad", false, true));
    volumes.put("vol-1", false);
    var service = service(true);
    var first = service.run(new CollectionRequest("run-1", "test", List.of(HOME), null,
        List.of("network", "governance")), 1, ProgressListener.SILENT);
    assertEquals(2, first.summary().targets(), "the run accounts for both units");
    assertEquals(2, first.summary().findingsOpened());
    var bucketSubject = first.results().stream()
        .filter(r -> r.checkId().value().startsWith("s3_")).findFirst().orElseThrow().subjectKey();
    var volumeSubject = first.results().stream()
        .filter(r -> r.checkId().value().startsWith("ec2_")).findFirst().orElseThrow()
        .subjectKey();

    // WHEN both are fixed but only the network unit of the next run is collected
    buckets.replace(new Bucket("bad", true, true));
    volumes.put("vol-1", true);
    now.set(T0.plusSeconds(60));
    int bucketLoads = buckets.loads();
    var network = service.collectUnit(unit("run-2", "network"), ProgressListener.SILENT);

    // THEN only the network check was evaluated, and only its finding shows the recovery
    assertTrue(network.results().stream().allMatch(r -> r.checkId().value().startsWith("ec2_")),
        network.results().toString());
    assertEquals(bucketLoads, buckets.loads(), "the governance service was not read");
    assertEquals(List.of(volumeSubject),
        network.recovered().stream().map(r -> r.subjectKey()).toList());
    var bucketFinding = findings.findOpenBySubject(bucketSubject).orElseThrow();
    assertFalse(bucketFinding.isEvidenceRecovered(), "the governance finding is untouched");
    assertEquals(T0, bucketFinding.lastSeenAt());
    assertTrue(findings.findOpenBySubject(volumeSubject).orElseThrow().isEvidenceRecovered());

    // AND the governance unit of that run recovers its own finding
    var governance = service.collectUnit(unit("run-2", "governance"), ProgressListener.SILENT);
    assertEquals(List.of(bucketSubject),
        governance.recovered().stream().map(r -> r.subjectKey()).toList());
    assertTrue(findings.findOpenBySubject(bucketSubject).orElseThrow().isEvidenceRecovered());
    var report = new LedgerVerifier(ledgerStore, vault).verify();
    assertTrue(report.intact(), report.summary());
    assertEquals(4, report.entries(), "one ledger entry per unit");
    assertEquals("run-2#123456789012#eu-west-1#governance", ledgerStore.head().orElseThrow()
        .unitId());
  }

  @Test
  void unitOfAGroupTheServiceDoesNotEvaluate_isRefusedBeforeAnythingIsWritten() {
    volumes.put("vol-1", false);
    var service = service(false);

    var refused = assertThrows(IllegalArgumentException.class,
        () -> service.collectUnit(unit("run-1", "governance"), ProgressListener.SILENT));

    assertTrue(refused.getMessage().contains("service group 'governance'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("[all, network]"), refused.getMessage());
    assertTrue(runs.find("run-1#123456789012#eu-west-1#governance").isEmpty(), "not claimed");
    assertTrue(ledgerStore.head().isEmpty());
    assertEquals(0, volumes.loads.get());
  }

  @Test
  void unitOfEveryGroup_inAServiceWithOneGroup_evaluatesThatGroupOnly() {
    buckets.with(new Bucket("bad", false, true));
    volumes.put("vol-1", false);

    var outcome = service(false).collectUnit(unit("run-1", CollectionUnit.ALL_GROUPS),
        ProgressListener.SILENT);

    assertEquals(List.of("ec2_volume_encrypted"), outcome.results().stream()
        .map(r -> r.checkId().value()).distinct().toList());
    assertEquals("run-1#123456789012#eu-west-1", outcome.unit().unitId());
    assertEquals(0, buckets.loads());
  }

  @Test
  void restrictedCollector_keepsTheLoadersItIncludes_andTheirChecks() {
    var all = new EvidenceCollector(
        List.of(new TestEstate.EncryptionCheck(), new VolumeEncryptedCheck()),
        List.of(buckets, volumes));

    var network = all.restrictedTo("ec2"::equals);

    assertEquals(List.of("ec2"), network.services());
    assertEquals(List.of("ec2_volume_encrypted"),
        network.catalogue().stream().map(c -> c.id().value()).toList());
    assertEquals(List.of(), all.restrictedTo(s -> false).catalogue());
  }

  // ---- a second fake service: EC2 volumes ----

  record Volumes(Map<String, Boolean> encrypted) {}

  static final class VolumeLoader implements SnapshotLoader<Volumes> {
    private final Map<String, Boolean> volumes = new HashMap<>();
    final AtomicInteger loads = new AtomicInteger();

    synchronized void put(String id, boolean encrypted) {
      volumes.put(id, encrypted);
    }

    @Override
    public Class<Volumes> snapshotType() {
      return Volumes.class;
    }

    @Override
    public String service() {
      return "ec2";
    }

    @Override
    public Scope scope() {
      return Scope.REGION;
    }

    @Override
    public synchronized Volumes load(ScanTarget target) {
      loads.incrementAndGet();
      return new Volumes(Map.copyOf(volumes));
    }
  }

  static final class VolumeEncryptedCheck implements EvidenceCheck<Volumes> {
    @Override
    public CheckMetadata metadata() {
      return CheckMetadata.builder("ec2_volume_encrypted")
          .title("EBS volume is encrypted")
          .resourceType("AWS::EC2::Volume")
          .severity(Severity.HIGH)
          .primary("A.8.24")
          .rationale("Encryption at rest protects data on lost media.")
          .remediation("Encrypt the volume.")
          .build();
    }

    @Override
    public Class<Volumes> snapshotType() {
      return Volumes.class;
    }

    @Override
    public List<Observation> evaluate(Volumes s, ScanTarget target) {
      return s.encrypted().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(e -> Observation.of(e.getValue(),
              "arn:aws:ec2:" + target.region() + ":" + target.accountId() + ":volume/" + e.getKey(),
              e.getKey() + " is encrypted", e.getKey() + " is not encrypted",
              Map.of("encrypted", e.getValue())))
          .toList();
    }
  }

  @Test
  void statusesCountOncePerUnit() {
    volumes.put("vol-1", true);
    var outcome = service(false).collectUnit(unit("run-1", "network"), ProgressListener.SILENT);
    assertEquals(1, outcome.summary().count(CheckStatus.PASS));
    assertEquals("run-1#123456789012#eu-west-1#network", outcome.summary().runId());
  }
}
