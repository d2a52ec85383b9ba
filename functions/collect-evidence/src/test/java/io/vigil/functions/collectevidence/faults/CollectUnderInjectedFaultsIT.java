package io.vigil.functions.collectevidence.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.emulator.MotoServer;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import io.vigil.functions.collectevidence.CollectEvidenceHandler;
import io.vigil.functions.collectevidence.StorageSetup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 11, Deliver 1: a scheduled collection run under 20 % injected AWS faults (throttling, 500,
 * timeouts, per HTTP attempt, on the AWS reads of the estate — not on Vigil's own table and bucket)
 * plus 5 % of reads that fail for good (403 AccessDenied on every attempt). The run completes; every
 * result equals that of the following clean run or is ERROR naming the injected failure; the
 * ledger verifies; and the clean run converges to exactly one open finding per failing (check,
 * resource).
 */
@WithAwsEmulator
class CollectUnderInjectedFaultsIT {

  static final long SEED = 20261128L;
  static final double RATE = 0.20;
  static final double PERSISTENT_RATE = 0.05;

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static AwsClientFactory clients;
  /** Its own moto_server (embedded moto only): the estate is exactly what this test seeds. */
  private static MotoServer own;
  private static String endpoint;
  private static String regionName;

  @BeforeAll
  static void seed(AwsEmulator aws) {
    // with the JVM's shared moto_server the collected estate would include every earlier IT's
    // buckets and tables (and take four times as long); LocalStack via VIGIL_TEST_ENDPOINT is used
    // as it is
    if (aws.isEmbeddedMoto()) {
      own = MotoServer.start();
      endpoint = own.endpoint();
    } else {
      endpoint = aws.endpoint();
    }
    regionName = aws.region();
    clients = new AwsClientFactory(AwsSettings.emulator(endpoint, regionName));
    var region = Region.of(regionName);
    // a demo-like estate: a public bucket, an unencrypted one, SSH open to the world, a console
    // user without MFA (plus the account defaults: no CloudTrail, no password policy)
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region);
    for (var b : List.of("fi-public-" + SUFFIX, "fi-plain-" + SUFFIX)) {
      s3.createBucket(r -> r.bucket(b)
          .createBucketConfiguration(c -> c.locationConstraint(regionName)));
    }
    var iam = clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL);
    iam.createUser(b -> b.userName("fi-console-" + SUFFIX));
    iam.createLoginProfile(b -> b.userName("fi-console-" + SUFFIX).password("Initial-Passw0rd!"));
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, region);
    var sg = ec2.createSecurityGroup(b -> b.groupName("fi-ssh-" + SUFFIX)
        .description("ssh from anywhere")).groupId();
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(sg).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
  }

  @AfterAll
  static void close() {
    clients.close();
    if (own != null) {
      own.close();
    }
  }

  @AfterEach
  void stopFaults() {
    FaultInjector.deactivate();
  }

  private static CollectEvidenceHandler handler(String name) {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", endpoint);
    props.put("vigil.aws.region", regionName);
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", "it-" + name + "-" + SUFFIX);
    props.put("vigil.evidence-bucket", "it-evidence-" + name + "-" + SUFFIX);
    // one unit at a time (moto's TransactWriteItems is not safe under concurrent units)
    props.put("vigil.collect.concurrency", "1");
    var handler = new CollectEvidenceHandler(ApplicationContext.builder().properties(props));
    handler.getApplicationContext().getBean(StorageSetup.class).initialize();
    return handler;
  }

  private static Map<String, Object> event(String time) {
    var e = new HashMap<String, Object>();
    e.put("version", "0");
    e.put("id", "fault-" + time);
    e.put("detail-type", "Scheduled Event");
    e.put("source", "aws.events");
    e.put("account", "123456789012");
    e.put("time", time);
    e.put("region", regionName);
    e.put("resources", List.of("arn:aws:events:" + regionName + ":123456789012:rule/daily"));
    e.put("detail", Map.of());
    return e;
  }

  private static String key(CheckResult r) {
    return r.accountId() + "#" + r.region() + "#" + r.checkId() + "#" + r.resourceArn();
  }

  @Test
  void runUnderTwentyPercentFaults_completes_recordsErrorsOnly_andTheNextCleanRunConverges() {
    // two runs of one function (a separate clean baseline would triple the time): the run under
    // faults first, then a clean run on the same table — its results are the baseline the faulted
    // ones are compared with (the estate does not change in between), and it must converge
    assertTimeoutPreemptively(Duration.ofSeconds(300), () -> {
      try (var faulty = handler("fi-faulty")) {
        FaultInjector.activate(SEED, RATE, PERSISTENT_RATE, FaultInjector::awsReadsOnly);
        var started = System.nanoTime();
        var collected = faulty.collect(event("2026-11-28T07:00:00Z"), ProgressListener.SILENT);
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        FaultInjector.deactivate();
        var results = collected.outcome().results();
        var report = faulty.getApplicationContext().getBean(LedgerVerifier.class).verify();
        assertTrue(report.intact(), report.summary());
        assertTrue(FaultInjector.injectedTotal() > 0, "faults were injected");
        assertFalse(collected.response().duplicate());

        // the next clean run: the baseline, and it converges
        var cleanResults = faulty.collect(event("2026-11-28T08:00:00Z"), ProgressListener.SILENT)
            .outcome().results();
        Map<String, CheckStatus> baseline = cleanResults.stream().collect(Collectors.toMap(
            CollectUnderInjectedFaultsIT::key, CheckResult::status, (a, b) -> a, TreeMap::new));
        assertTrue(baseline.values().stream().filter(CheckStatus.FAIL::equals).count() >= 4,
            "the seeded estate fails: " + baseline);
        assertFalse(baseline.containsValue(CheckStatus.ERROR), "the clean run has no ERROR");

        long errors = 0;
        for (var r : results) {
          if (r.status() == CheckStatus.ERROR) {
            errors++;
            assertTrue(r.reason() != null && r.reason().contains(FaultInjector.MARKER),
                "an ERROR names the injected failure: " + r);
          } else {
            assertEquals(baseline.get(key(r)), r.status(), "same as the clean run: " + r);
          }
        }
        // nothing lost silently: every baseline result is there, or its check errored in its unit
        var errored = results.stream().filter(r -> r.status() == CheckStatus.ERROR)
            .map(r -> r.accountId() + "#" + r.region() + "#" + r.checkId())
            .collect(Collectors.toSet());
        var seen = results.stream().map(CollectUnderInjectedFaultsIT::key)
            .collect(Collectors.toSet());
        for (var k : baseline.keySet()) {
          var check = k.substring(0, k.indexOf('#', k.indexOf('#', k.indexOf('#') + 1) + 1));
          assertTrue(seen.contains(k) || errored.contains(check),
              "baseline result " + k + " neither collected nor reported as ERROR");
        }
        System.out.printf("[faults] seed=%d rate=%.2f persistent=%.2f %s results=%d errors=%d"
            + " baseline=%d elapsed=%dms%n", SEED, RATE, PERSISTENT_RATE,
            FaultInjector.summary(), results.size(), errors, baseline.size(), elapsed.toMillis());

        var open = faulty.getApplicationContext().getBean(FindingRepository.class).findOpen();
        var perSubject = open.stream().collect(Collectors.groupingBy(Finding::subjectKey,
            Collectors.counting()));
        var failing = baseline.entrySet().stream().filter(e -> e.getValue() == CheckStatus.FAIL)
            .map(Map.Entry::getKey).toList();
        for (var k : failing) {
          var parts = k.split("#", 4);
          var subject = parts[0] + "#" + parts[2] + "#" + parts[3];
          assertEquals(1L, perSubject.getOrDefault(subject, 0L),
              "exactly one open finding for " + subject + ": " + perSubject.keySet());
        }
        assertEquals(failing.size(), open.size(), "no other open finding: " + perSubject.keySet());
        var after = faulty.getApplicationContext().getBean(LedgerVerifier.class).verify();
        assertTrue(after.intact(), after.summary());
        System.out.printf("[faults] converged: %d failing subjects, %d open findings%n",
            failing.size(), open.size());
      }
    });
  }
}
