package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.ResultRepositoryContract;
import io.vigil.adapters.contract.TestData;
import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.BatchWriter;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamoDbResultRepository} against the emulator, reading 50 items per Query page so that
 * the contract's larger runs span several pages even where the emulator ignores the 1 MB limit.
 */
@WithAwsEmulator
class DynamoDbResultRepositoryIT extends ResultRepositoryContract {

  private static Emulated aws;
  private static String table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("results");
    new VigilTable(table).createIfAbsent(aws.dynamo());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected ResultRepository repository() {
    return new DynamoDbResultRepository(aws.enhanced(), table,
        new BatchWriter(new Backoff(8, Duration.ofMillis(10), Duration.ofMillis(100),
            d -> Thread.sleep(d.toMillis()))), 50);
  }

  @Test
  void anOverlongReasonIsTruncatedVisiblySoTheItemStaysSmall() {
    var p = TestData.unique();
    var result = TestData.result("run-" + p, TestData.arn(p, 1), TestData.T0, CheckStatus.ERROR,
        "y".repeat(50_000));
    var repo = repository();

    repo.saveAll(List.of(result));

    var stored = repo.findByRun("run-" + p).get(0).reason();
    assertEquals(ResultItem.MAX_REASON_CHARS, stored.length());
    assertTrue(stored.endsWith(ResultItem.TRUNCATED));
    assertEquals(stored, repo.findLatest(result.subjectKey()).orElseThrow().reason());
  }

  @Test
  void aResourceWithAnArnBeyondTheSortKeyLimitIsStoredAndRead() {
    var p = TestData.unique();
    var arn = "arn:aws:iam::123456789012:role/" + "very-long-path/".repeat(80) + p;
    var result = TestData.result("run-" + p, arn, TestData.T0, CheckStatus.PASS, "");
    var repo = repository();

    repo.saveAll(List.of(result));

    assertEquals(List.of(result), repo.findByRun("run-" + p));
    assertEquals(result, repo.findLatest(result.subjectKey()).orElseThrow());
  }
}
