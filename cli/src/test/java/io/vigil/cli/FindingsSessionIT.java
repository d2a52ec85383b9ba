package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import io.vigil.functions.findingsapi.HttpApiEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CLI's requests to the records API against the test emulator: every {@code POST} carries a
 * fresh {@code Idempotency-Key}, so sending the same request again (a retry) answers the first
 * response and raises nothing twice, while another command's request is a new one.
 */
@WithAwsEmulator
class FindingsSessionIT {

  private static HttpApiEvent create() {
    return HttpApiEvent.request("POST", "/findings")
        .as("auditor@acme.test", "auditor@acme.test", List.of("auditor")).body("""
            {"title": "Backups are not restore-tested", "type": "MAJOR_NONCONFORMITY",
             "source": "EXTERNAL_AUDIT", "controls": ["A.8.13"], "description": "No test",
             "owner": "owner@acme.test", "dueDate": "2027-01-31"}""");
  }

  @Test
  void aPostCarriesAFreshKeyAndItsRetryIsAnsweredWithoutWriting(AwsEmulator aws) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var table = "session-cli-" + suffix;
    assertEquals(0, CliRunner.run(Map.of(), "init", "--endpoint-url", aws.endpoint(),
        "--region", aws.region(), "--table", table, "--bucket", table).exitCode());
    var target = new AwsTarget(Optional.of(aws.endpoint()), Optional.of(aws.region()), table,
        table, true);
    try (var session = FindingsSession.open(target)) {
      var request = create();
      var first = session.call(request);
      var key = request.header(FindingsSession.IDEMPOTENCY_KEY);
      assertEquals(key, UUID.fromString(key).toString(), "a UUID");
      assertEquals(201, first.status());
      assertNull(first.headers().get("idempotent-replayed"));

      var retry = session.call(request);

      assertEquals(201, retry.status());
      assertEquals(first.body(), retry.body());
      assertEquals("true", retry.headers().get("idempotent-replayed"));
      var another = create();
      assertNotEquals(first.body().get("id"), session.call(another).body().get("id"));
      assertNotEquals(key, another.header(FindingsSession.IDEMPOTENCY_KEY));
      var listed = (List<?>) session.call(HttpApiEvent.request("GET", "/findings")
          .as("viewer", null, List.of("viewer"))).body().get("items");
      assertEquals(2, listed.size(), "the retry raised nothing: " + listed);
    }
  }
}
