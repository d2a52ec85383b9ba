package io.vigil.cli;

import static io.vigil.cli.CliRunner.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding from creation to CLOSED against the test emulator, once with {@code vigil findings}
 * and once with {@code vigil invoke findings-api} on the sample events of
 * {@code events/findings-api/} (their ids and versions replaced by the live ones).
 */
@WithAwsEmulator
class FindingsCommandIT {

  private static final Path EVENTS = Path.of("../events/findings-api");
  private static final Map<String, String> NO_ENV = Map.of();

  private static List<String> storage(AwsEmulator aws) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    return List.of("--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", "findings-cli-" + suffix, "--bucket", "findings-cli-" + suffix);
  }

  private static String[] args(List<String> storage, String... command) {
    var all = new ArrayList<>(List.of(command));
    all.addAll(storage);
    return all.toArray(String[]::new);
  }

  @Test
  void createTransitionEveryStepAndCloseWithTheFindingsCommands(AwsEmulator aws)
      throws Exception {
    var s = storage(aws);
    assertEquals(0, CliRunner.run(NO_ENV, args(s, "init")).exitCode());
    var auditor = Map.of("VIGIL_ACTOR", "auditor@acme.test", "VIGIL_ROLE", "auditor");
    var owner = List.of("--as", "owner@acme.test", "--role", "owner");

    var created = ok(CliRunner.run(auditor, args(s, "findings", "create", "--title",
        "Backups are not restore-tested", "--type", "MAJOR_NONCONFORMITY", "--source",
        "EXTERNAL_AUDIT", "--control", "A.8.13", "--description", "No test in 2026",
        "--owner", "owner@acme.test", "--due-date", "2027-01-31")));
    var id = (String) created.get("id");
    assertEquals("OPEN", created.get("status"));

    var stale = CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "transition", id,
        "--status", "ANALYSED", "--if-match", "7"));
    assertEquals(1, stale.exitCode());
    assertTrue(stale.err().contains("412"), stale.err());
    var invalid = CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "transition", id,
        "--status", "ANALYSED"));
    assertEquals(1, invalid.exitCode());
    assertTrue(invalid.out().contains("\"allowed\""), invalid.out());

    ok(CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "transition", id, "--status",
        "CORRECTED", "--field", "correction=Ran a restore of every database")));
    ok(CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "transition", id, "--status",
        "ANALYSED", "--field", "rootCause=No schedule", "--field",
        "similarNonconformities=None elsewhere", "--if-match", "1")));
    var action = ok(CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "add-action", id,
        "--description", "Monthly restore test", "--owner", "owner@acme.test", "--due-date",
        "2027-01-15", "--effectiveness-criteria", "Three restores pass")));
    ok(CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "transition", id, "--status",
        "ACTION_PLANNED")));
    ok(CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "update-action", id,
        (String) action.get("id"), "--status", "IMPLEMENTED")));
    ok(CliRunner.run(NO_ENV, args(concat(s, owner), "findings", "transition", id, "--status",
        "IMPLEMENTED")));
    ok(CliRunner.run(auditor, args(s, "findings", "transition", id, "--status", "EFFECTIVE",
        "--field", "effectivenessReview=Three restores passed")));
    var closed = ok(CliRunner.run(auditor, args(s, "findings", "transition", id, "--status",
        "CLOSED", "--field", "ismsChange=Backup policy names the test")));
    assertEquals("CLOSED", closed.get("status"));

    var shown = ok(CliRunner.run(NO_ENV, args(s, "findings", "show", id, "--history", "--as",
        "viewer@acme.test", "--role", "viewer")));
    assertEquals(9, ((List<?>) shown.get("items")).size(), shown.toString());
    var listed = ok(CliRunner.run(NO_ENV, args(s, "findings", "list", "--status", "CLOSED",
        "--as", "viewer@acme.test", "--role", "viewer")));
    assertEquals(1, ((List<?>) listed.get("items")).size());
    var denied = CliRunner.run(NO_ENV, args(s, "findings", "create", "--title", "t", "--type",
        "OBSERVATION", "--source", "INCIDENT", "--control", "A.5.1", "--description", "d",
        "--as", "viewer@acme.test", "--role", "viewer"));
    assertEquals(1, denied.exitCode());
    assertTrue(denied.out().contains("https://vigil.dev/problems/forbidden"), denied.out());
  }

  @Test
  void theSampleEventsCreateAndCloseAFindingThroughInvoke(AwsEmulator aws, @TempDir Path dir)
      throws Exception {
    var s = storage(aws);
    assertEquals(0, CliRunner.run(NO_ENV, args(s, "init")).exitCode());
    var created = invoke(s, dir, "create-finding", null, null, null, 201);
    var id = (String) created.get("id");
    String actionId = null;
    for (var step : List.of("transition-to-corrected", "transition-to-analysed", "add-action",
        "transition-to-action-planned", "update-action", "transition-to-implemented",
        "transition-to-effective", "transition-to-closed")) {
      var current = invoke(s, dir, "get-finding", id, null, null, 200);
      String etag = "\"" + current.get("version") + "\"";
      if (step.equals("update-action")) {
        etag = "\"" + ((Map<?, ?>) ((List<?>) current.get("actions")).get(0)).get("version")
            + "\"";
      }
      var answer = invoke(s, dir, step, id, actionId, etag, step.equals("add-action") ? 201 : 200);
      if (step.equals("add-action")) {
        actionId = (String) answer.get("id");
      }
    }
    var closed = invoke(s, dir, "get-finding", id, null, null, 200);
    assertEquals("CLOSED", closed.get("status"));
    var history = invoke(s, dir, "history", id, null, null, 200);
    assertEquals(9, ((List<?>) history.get("items")).size());
    var stale = invoke(s, dir, "stale-version", id, null, null, 412);
    assertEquals("https://vigil.dev/problems/stale-version", stale.get("type"));
    invoke(s, dir, "no-identity", null, null, null, 401);
  }

  /** Runs {@code vigil invoke findings-api} on a sample event with live ids; the decoded body. */
  private static Map<String, Object> invoke(List<String> s, Path dir, String sample, String id,
      String actionId, String etag, int expectedStatus) throws Exception {
    var text = Files.readString(EVENTS.resolve(sample + ".json"), StandardCharsets.UTF_8);
    if (id != null) {
      text = text.replace("F-example-0001", id);
    }
    if (actionId != null) {
      text = text.replace("A-example-0001", actionId);
    }
    var event = Json.parseObject(text);
    if (etag != null) {
      @SuppressWarnings("unchecked")
      var headers = (Map<String, Object>) event.get("headers");
      headers.put("if-match", etag);
    }
    text = Json.write(event);
    var file = dir.resolve(sample + ".json");
    Files.writeString(file, text);
    var run = CliRunner.run(NO_ENV, args(s, "invoke", "findings-api", file.toString()));
    assertEquals(0, run.exitCode(), run.err());
    var response = Json.parseObject(run.out());
    var body = Json.parseObject((String) response.get("body"));
    assertEquals(expectedStatus, ((Number) response.get("statusCode")).intValue(),
        sample + ": " + body);
    return body;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
