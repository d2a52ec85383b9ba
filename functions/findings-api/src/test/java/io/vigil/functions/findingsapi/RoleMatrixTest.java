package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.finding.FindingId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may do what, through the API: each role (the owner being the finding's and the action's
 * owner) against each operation, on a finding in the state the operation needs. Denied means 403
 * and nothing written. The README's role table states the same.
 */
class RoleMatrixTest {

  private final ApiFixture fx = new ApiFixture();

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(textBlock = """
      isms-manager, create,               allowed
      auditor,      create,               allowed
      owner,        create,               denied
      viewer,       create,               denied
      isms-manager, read,                 allowed
      auditor,      read,                 allowed
      owner,        read,                 allowed
      viewer,       read,                 allowed
      isms-manager, edit,                 allowed
      auditor,      edit,                 denied
      owner,        edit,                 denied
      viewer,       edit,                 denied
      isms-manager, transition,           allowed
      auditor,      transition,           denied
      owner,        transition,           allowed
      viewer,       transition,           denied
      isms-manager, add-action,           allowed
      auditor,      add-action,           denied
      owner,        add-action,           allowed
      viewer,       add-action,           denied
      isms-manager, update-action,        allowed
      auditor,      update-action,        denied
      owner,        update-action,        allowed
      viewer,       update-action,        denied
      isms-manager, review-effectiveness, allowed
      auditor,      review-effectiveness, allowed
      owner,        review-effectiveness, denied
      viewer,       review-effectiveness, denied
      isms-manager, close,                allowed
      auditor,      close,                allowed
      owner,        close,                denied
      viewer,       close,                denied
      """)
  void roleByOperation(String role, String operation, String expected) {
    var who = role.equals("isms-manager") ? "manager" : role;
    var groups = List.of(role);
    String id;
    int historyBefore;
    ApiFixture.Response r;
    switch (operation) {
      case "create" -> {
        id = null;
        historyBefore = 0;
        r = fx.call(as(HttpApiEvent.request("POST", "/findings"), who, groups)
            .body(ApiFixture.CREATE_BODY));
      }
      case "read" -> {
        id = fx.raise();
        historyBefore = 1;
        r = fx.call(as(HttpApiEvent.request("GET", "/findings/" + id), who, groups));
        if (r.status() == 200) {
          fx.call(as(HttpApiEvent.request("GET", "/findings/" + id + "/history"), who, groups))
              .expect(200);
          fx.call(as(HttpApiEvent.request("GET", "/findings"), who, groups)).expect(200);
        }
      }
      case "edit" -> {
        id = fx.raise();
        historyBefore = 1;
        r = fx.patch(id, who, groups, "\"0\"", "{\"dueDate\":\"2027-03-31\"}");
      }
      case "transition" -> {
        id = fx.raise();
        historyBefore = 1;
        r = fx.patch(id, who, groups, "\"0\"", "{\"status\":\"CORRECTED\",\"correction\":\"c\"}");
      }
      case "add-action" -> {
        id = fx.raise();
        historyBefore = 1;
        r = fx.addAction(id, who, groups);
      }
      case "update-action" -> {
        id = fx.raise();
        var action = fx.addAction(id, "owner", ApiFixture.OWNER).expect(201);
        historyBefore = 2;
        r = fx.patchAction(id, (String) action.get("id"), who, groups, "\"0\"",
            "{\"status\":\"IN_PROGRESS\"}");
      }
      case "review-effectiveness" -> {
        id = fx.implemented()[0];
        historyBefore = fx.repo.history(FindingId.of(id)).size();
        r = fx.patch(id, who, groups, fx.get(id).etag(),
            "{\"status\":\"EFFECTIVE\",\"effectivenessReview\":\"independent review\"}");
      }
      case "close" -> {
        id = fx.implemented()[0];
        fx.move(id, "auditor", ApiFixture.AUDITOR, "{\"status\":\"EFFECTIVE\","
            + "\"effectivenessReview\":\"ok\"}").expect(200);
        historyBefore = fx.repo.history(FindingId.of(id)).size();
        r = fx.patch(id, who, groups, fx.get(id).etag(), "{\"status\":\"CLOSED\"}");
      }
      default -> throw new IllegalArgumentException(operation);
    }
    if (expected.equals("allowed")) {
      assertEquals(true, r.status() == 200 || r.status() == 201, () -> "status " + r.status()
          + ": " + r.body());
    } else {
      assertEquals(403, r.status(), () -> "body: " + r.body());
      if (id != null) {
        assertEquals(historyBefore, fx.repo.history(FindingId.of(id)).size(), "nothing written");
      } else {
        assertEquals(0, fx.repo.find(io.vigil.domain.finding.FindingQuery.all(), null, 10)
            .items().size(), "nothing written");
      }
    }
  }
}
