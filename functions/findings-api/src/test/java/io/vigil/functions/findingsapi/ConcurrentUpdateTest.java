package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.finding.FindingId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two PATCHes of one finding carrying the same If-Match, released together by a latch: exactly one
 * succeeds, the other gets 412, and the history gains exactly one entry (no lost update).
 */
class ConcurrentUpdateTest {

  private final ApiFixture fx = new ApiFixture();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @RepeatedTest(20)
  void exactlyOneOfTwoConcurrentUpdatesWins(RepetitionInfo info) throws Exception {
    var id = fx.raise();
    var etag = fx.get(id).etag();
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<ApiFixture.Response>>();
    results.add(pool.submit(() -> {
      start.await();
      return fx.patch(id, "owner", OWNER, etag,
          "{\"status\":\"CORRECTED\",\"correction\":\"Revoked stale admins\"}");
    }));
    results.add(pool.submit(() -> {
      start.await();
      return fx.patch(id, "manager", MANAGER, etag, "{\"dueDate\":\"2027-06-30\"}");
    }));
    start.countDown();
    var statuses = new ArrayList<Integer>();
    for (var f : results) {
      statuses.add(f.get(10, TimeUnit.SECONDS).status());
    }
    statuses.sort(null);
    assertEquals(List.of(200, 412), statuses, "repetition " + info.getCurrentRepetition());
    var history = fx.repo.history(FindingId.of(id));
    assertEquals(2, history.size(), "CREATED plus exactly one change");
    assertEquals(1, fx.repo.findById(FindingId.of(id)).orElseThrow().version());
  }
}
