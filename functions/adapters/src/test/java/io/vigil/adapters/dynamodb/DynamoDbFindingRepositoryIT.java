package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.FindingRepositoryContract;
import io.vigil.adapters.contract.TestData;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingQuery;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamoDbFindingRepository} against the emulator, reading GSI1 two items per page so that
 * every {@code findOpen} of the contract spans several pages.
 */
@WithAwsEmulator
class DynamoDbFindingRepositoryIT extends FindingRepositoryContract {

  private static Emulated aws;
  private static String table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("findings");
    new VigilTable(table).createIfAbsent(aws.dynamo());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected FindingRepository repository() {
    return new DynamoDbFindingRepository(aws.enhanced(), table, Clock.system(), 2);
  }

  @Test
  void recordFailures_ofAnUnchangedUnit_readsInBatches_andWritesNothing() {
    // GIVEN 110 open findings (two batches of keys), seen failing a minute ago
    var p = TestData.unique();
    var repo = repository();
    var failures = new java.util.ArrayList<FindingRepository.Failure>();
    for (int i = 0; i < 110; i++) {
      var f = TestData.automated("F-" + p + "-" + i, TestData.arn(p, i), null);
      failures.add(new FindingRepository.Failure(f, f.raisedAt().plusSeconds(60)));
    }
    var opened = repo.recordFailures(failures);
    assertEquals(110, opened.stream()
        .filter(o -> o == FindingRepository.FailureOutcome.OPENED).count());
    var again = failures.stream().map(f -> new FindingRepository.Failure(f.proposed(),
        f.seenAt().plusSeconds(3600))).toList();

    // WHEN the next hourly run sees them failing again
    var calls = SdkCallRecorder.record(() -> assertEquals(
        java.util.Collections.nCopies(110, FindingRepository.FailureOutcome.STILL_OPEN),
        repo.recordFailures(again)));

    // THEN 2 batches of locks and 2 of evidence items, strongly consistent; no write
    assertEquals(List.of("BatchGetItem"), calls.stream().map(SdkCallRecorder.Call::operation)
        .distinct().toList(), SdkCallRecorder.describe(calls));
    assertEquals(4, calls.size(), SdkCallRecorder.describe(calls));
  }

  @Test
  void theAutomatedLifeCycleWritesHistoryByVigil() {
    var p = TestData.unique();
    var repo = repository();
    var f = TestData.automated("F-" + p, TestData.arn(p, 1), null);
    repo.recordFailure(f, f.raisedAt());
    repo.recordRecovery(f.subjectKey(), f.raisedAt().plusSeconds(60));
    repo.recordFailure(f, f.raisedAt().plusSeconds(120));
    repo.update(repo.findById(f.id()).orElseThrow().withStatus(FindingStatus.CLOSED),
        new HistoryEntry(f.raisedAt().plusSeconds(150), "vigil", HistoryEntry.Kind.EDITED,
            FindingStatus.OPEN, FindingStatus.CLOSED, List.of("status"), null, 1));
    repo.recordFailure(TestData.automated("F-" + p + "-2", TestData.arn(p, 1), null),
        f.raisedAt().plusSeconds(180));

    var history = repo.history(f.id());
    assertEquals(List.of(HistoryEntry.Kind.OPENED_BY_CHECK, HistoryEntry.Kind.EVIDENCE_RECOVERED,
        HistoryEntry.Kind.FAILING_AGAIN, HistoryEntry.Kind.EDITED),
        history.stream().map(HistoryEntry::kind).toList());
    assertTrue(history.stream().allMatch(e -> e.actor().equals("vigil")));
    assertEquals(FindingStatus.CLOSED, history.get(3).to());
    assertEquals(List.of("relatedFindingId"),
        repo.history(FindingId.of("F-" + p + "-2")).get(0).fieldsChanged(),
        "a regression says what links it");
  }

  @Test
  void findMergesTheEvidenceOfAutomatedFindings() {
    var p = TestData.unique();
    var repo = repository();
    var f = TestData.automated("F-" + p, TestData.arn(p, 1), null);
    repo.recordFailure(f, f.raisedAt().plusSeconds(30));
    repo.recordRecovery(f.subjectKey(), f.raisedAt().plusSeconds(60));

    var listed = repo.find(new FindingQuery(null, null, null, null, "platform-team", null), null,
        1000).items().stream().filter(x -> x.id().equals(f.id())).findFirst().orElseThrow();

    assertEquals(f.raisedAt().plusSeconds(30), listed.lastSeenAt());
    assertEquals(f.raisedAt().plusSeconds(60), listed.evidenceRecoveredAt());
    assertEquals(repo.findById(f.id()).orElseThrow(), listed);
  }

  @Test
  void findOpenReadsEveryPageOfTheIndexInOrder() {
    var p = TestData.unique();
    var expected = IntStream.rangeClosed(1, 7)
        .mapToObj(i -> TestData.automated("F-" + p + "-" + i, TestData.arn(p, i),
            LocalDate.of(2027, 1, 8 - i)))
        .toList();
    var onePerPage = new DynamoDbFindingRepository(aws.enhanced(), table, Clock.system(), 1);
    expected.forEach(onePerPage::openIfNoneOpen);

    var found = onePerPage.findOpen().stream()
        .filter(f -> f.id().value().startsWith("F-" + p)).map(Finding::id).toList();

    var byDueDate = IntStream.rangeClosed(1, 7).mapToObj(i -> expected.get(7 - i).id()).toList();
    assertEquals(byDueDate, found);
  }
}
