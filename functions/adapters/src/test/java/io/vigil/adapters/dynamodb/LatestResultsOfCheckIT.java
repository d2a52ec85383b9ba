package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.TestData;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamoDbResultRepository#findLatestOfCheck} against the emulator: the GSI2 Query of
 * {@code CHECK#<checkId>} gives exactly the latest result of that check on each subject (every
 * account and resource), by account then resource — never a run's copy of a result, an older
 * result of a subject, or another check's result.
 */
@WithAwsEmulator
class LatestResultsOfCheckIT {

  private static final String OTHER_ACCOUNT = "210987654321";

  private static Emulated aws;
  private static DynamoDbResultRepository repo;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    var table = Emulated.uniqueName("latest-of-check");
    new VigilTable(table).createIfAbsent(aws.dynamo());
    repo = new DynamoDbResultRepository(aws.enhanced(), table);
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  private static CheckResult result(String run, CheckId check, String account, String arn,
      CheckStatus status, Instant at) {
    return new CheckResult(run, check, status, account, "eu-west-1", arn, "AWS::S3::Bucket",
        List.of(ControlId.parse("A.8.24")), Severity.HIGH, at, Sha256.of(run + arn + at),
        status == CheckStatus.FAIL ? "default encryption is off" : "");
  }

  @Test
  void exactlyTheLatestResultOfEachSubjectOfThatCheck() {
    var p = TestData.unique();
    var check = CheckId.of("s3_bucket_encryption_" + p);
    var other = CheckId.of("s3_bucket_versioning_" + p);
    var t0 = TestData.T0;
    var t1 = t0.plusSeconds(3600);
    var first = new ArrayList<CheckResult>();
    for (int i = 0; i < 30; i++) {
      first.add(result("run-1-" + p, check, TestData.ACCOUNT, TestData.arn(p, i),
          i % 4 == 0 ? CheckStatus.FAIL : CheckStatus.PASS, t0));
    }
    first.add(result("run-1-" + p, check, OTHER_ACCOUNT, TestData.arn(p, 0), CheckStatus.ERROR,
        t0));
    first.add(result("run-1-" + p, other, TestData.ACCOUNT, TestData.arn(p, 0),
        CheckStatus.FAIL, t0));
    repo.saveAll(first);
    // a later run: bucket 0 is fixed, bucket 30 is new
    var second = List.of(
        result("run-2-" + p, check, TestData.ACCOUNT, TestData.arn(p, 0), CheckStatus.PASS, t1),
        result("run-2-" + p, check, TestData.ACCOUNT, TestData.arn(p, 30), CheckStatus.FAIL,
            t1));
    repo.saveAll(second);
    // a late retry of an older run changes no latest result
    repo.saveAll(List.of(result("run-0-" + p, check, TestData.ACCOUNT, TestData.arn(p, 1),
        CheckStatus.FAIL, t0.minusSeconds(3600))));

    var expected = new ArrayList<CheckResult>();
    expected.add(second.get(0));
    expected.addAll(first.subList(1, 30));
    expected.add(second.get(1));
    expected.add(first.get(30));
    expected.sort(Comparator.comparing(CheckResult::accountId)
        .thenComparing(CheckResult::resourceArn));

    assertEquals(expected, repo.findLatestOfCheck(check));
    assertEquals(List.of(first.get(31)), repo.findLatestOfCheck(other));
    assertEquals(List.of(), repo.findLatestOfCheck(CheckId.of("s3_bucket_unknown_" + p)));
  }
}
