package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import io.vigil.functions.collectevidence.CollectEvidenceHandler;
import io.vigil.functions.collectevidence.StorageSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test of evidence collection at production depth: an estate in two accounts (the
 * caller's and a member read through STS AssumeRole) and two regions holds misconfigured resources,
 * each beside a correctly configured twin that differs only in the judged property. One scheduled
 * run of the collect-evidence function must fail every misconfigured resource with the intended
 * check and must not fail any twin.
 */
@WithAwsEmulator
class EstateTwinsIT {

  private static final int MIN_DISTINCT_CHECKS = 20;

  private static AwsEmulator emulator;
  private static Estate estate;
  private static Duration seeding;

  @BeforeAll
  static void seed(AwsEmulator aws) {
    emulator = aws;
    // The estate twins account-wide singletons (password policy, EBS encryption by default,
    // account-level Block Public Access, trails, Config, GuardDuty, Security Hub), so the accounts
    // must start empty: other test classes in this JVM name their resources uniquely, but their
    // trails or password policies would decide these checks.
    aws.resetIfEmbedded();
    var started = System.nanoTime();
    estate = new Estate(aws.endpoint());
    new Ec2Twins(estate).seed();
    new DataTwins(estate).seed();
    new AppTwins(estate).seed();
    new IdentityTwins(estate).seed();
    new StorageTwins(estate).seed();
    new GovernanceTwins(estate).seed();
    seeding = Duration.ofNanos(System.nanoTime() - started);
  }

  @AfterAll
  static void close() {
    if (estate != null) {
      estate.close();
    }
    // leave the singletons as the other test classes expect them: unset
    emulator.resetIfEmbedded();
  }

  private static Map<String, Object> props() {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", EU);
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", "it-estate-" + estate.suffix());
    props.put("vigil.evidence-bucket", "it-evidence-estate-" + estate.suffix());
    props.put("vigil.regions", EU + "," + US);
    props.put("vigil.accounts", MEMBER);
    props.put("vigil.member-role-name", Estate.MEMBER_ROLE);
    props.put("vigil.member-external-id", Estate.EXTERNAL_ID);
    // one unit at a time: moto 5.2.1's TransactWriteItems deep-copies the table unlocked and
    // answers 500 ("dictionary changed size during iteration") when units write concurrently
    props.put("vigil.collect.concurrency", "1");
    return props;
  }

  private static Map<String, Object> scheduledEvent() {
    var e = new HashMap<String, Object>();
    e.put("version", "0");
    e.put("id", "9f1c2b7e-estate-twins");
    e.put("detail-type", "Scheduled Event");
    e.put("source", "aws.events");
    e.put("account", estate.caller());
    e.put("time", "2026-11-28T06:00:00Z");
    e.put("region", EU);
    e.put("resources", List.of("arn:aws:events:" + EU + ":" + estate.caller()
        + ":rule/daily"));
    e.put("detail", Map.of());
    return e;
  }

  @Test
  void scheduledRun_failsEveryMisconfiguredResource_andNoneOfItsTwins() {
    var twins = estate.twins();
    var checks = twins.stream().map(Twin::checkId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(twins.size(), checks.size(), "one twin per check: " + checks);
    assertTrue(checks.size() >= MIN_DISTINCT_CHECKS, "distinct misconfigurations: " + checks);

    List<CheckResult> results;
    var started = System.nanoTime();
    try (var handler = new CollectEvidenceHandler(ApplicationContext.builder()
        .properties(props()))) {
      handler.getApplicationContext().getBean(StorageSetup.class).initialize();
      var collected = handler.collect(scheduledEvent(), ProgressListener.SILENT);
      results = collected.outcome().results();
    }
    var collecting = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("estate: %d twins seeded in %d ms, %d results collected in %d ms%n",
        twins.size(), seeding.toMillis(), results.size(), collecting.toMillis());

    var failures = new ArrayList<String>();
    scope(results, failures);
    errors(results, failures);
    memberAccount(results, twins, failures);
    var bySubject = results.stream().collect(Collectors.groupingBy(EstateTwinsIT::subjectKey));
    for (var twin : twins) {
      judged(twin, bySubject, results, failures);
    }
    assertTrue(failures.isEmpty(), failures.size() + " problem(s) in " + twins.size()
        + " twins:\n  - " + String.join("\n  - ", failures));
  }

  private static String subjectKey(CheckResult r) {
    return key(r.checkId().value(), new Twin.Subject(r.accountId(), r.region(),
        r.resourceArn()));
  }

  private static String key(String checkId, Twin.Subject s) {
    return checkId + "|" + s.account() + "|" + s.region() + "|" + s.arn();
  }

  /** Every account × region was collected. */
  private static void scope(List<CheckResult> results, List<String> failures) {
    var seen = results.stream().map(r -> r.accountId() + "/" + r.region())
        .collect(Collectors.toCollection(TreeSet::new));
    var expected = new TreeSet<>(Set.of(estate.caller() + "/" + EU, estate.caller() + "/" + US,
        MEMBER + "/" + EU, MEMBER + "/" + US));
    if (!seen.equals(expected)) {
      failures.add("results cover " + seen + ", expected " + expected);
    }
  }

  /** Every seeded service is readable in every target: no ERROR result at all. */
  private static void errors(List<CheckResult> results, List<String> failures) {
    results.stream().filter(r -> r.status() == CheckStatus.ERROR)
        .map(r -> "ERROR " + r.checkId() + " " + r.accountId() + "/" + r.region() + " "
            + r.resourceArn() + ": " + r.reason())
        .forEach(failures::add);
  }

  /**
   * The member account was read through AssumeRole: its resources are reported under its own
   * account id and nothing of it is reported under the caller's.
   */
  private static void memberAccount(List<CheckResult> results, List<Twin> twins,
      List<String> failures) {
    if (results.stream().noneMatch(r -> r.accountId().equals(MEMBER))) {
      failures.add("no result for member account " + MEMBER);
    }
    var memberArns = twins.stream().flatMap(t -> Stream.of(t.bad(), t.good()))
        .filter(s -> s.account().equals(MEMBER)).map(Twin.Subject::arn)
        .collect(Collectors.toSet());
    results.stream()
        .filter(r -> !r.accountId().equals(MEMBER) && (memberArns.contains(r.resourceArn())
            || r.resourceArn().contains(":" + MEMBER + ":")))
        .map(r -> "member resource reported under account " + r.accountId() + ": "
            + r.checkId() + " " + r.resourceArn())
        .forEach(failures::add);
  }

  private static void judged(Twin twin, Map<String, List<CheckResult>> bySubject,
      List<CheckResult> results, List<String> failures) {
    var bad = bySubject.getOrDefault(key(twin.checkId(), twin.bad()), List.of());
    var good = bySubject.getOrDefault(key(twin.checkId(), twin.good()), List.of());
    var label = twin.checkId() + " [" + twin.description() + "]";
    if (bad.stream().noneMatch(r -> r.status() == CheckStatus.FAIL)) {
      failures.add(label + ": expected FAIL on " + twin.bad() + ", got " + describe(bad)
          + context(twin.checkId(), twin.bad(), results));
    }
    if (good.stream().anyMatch(r -> r.status() == CheckStatus.FAIL)
        || good.stream().noneMatch(r -> r.status() == CheckStatus.PASS)) {
      failures.add(label + ": expected PASS (and no FAIL) on twin " + twin.good() + ", got "
          + describe(good) + context(twin.checkId(), twin.good(), results));
    }
  }

  private static String describe(List<CheckResult> results) {
    return results.isEmpty() ? "no result" : results.stream()
        .map(r -> r.status() + " (" + r.reason() + ")").collect(Collectors.joining(", "));
  }

  /** When a subject has no result, what the check reported in that account and region. */
  private static String context(String checkId, Twin.Subject subject, List<CheckResult> results) {
    var there = results.stream().filter(r -> r.checkId().value().equals(checkId)
        && r.accountId().equals(subject.account()) && r.region().equals(subject.region()))
        .map(r -> r.status() + " " + r.resourceArn()).toList();
    return "; the check reported there: " + (there.isEmpty() ? "nothing" : there);
  }
}
