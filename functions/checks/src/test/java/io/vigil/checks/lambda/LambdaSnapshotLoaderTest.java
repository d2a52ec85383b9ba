package io.vigil.checks.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaSnapshotLoaderTest {

  @Test
  void statements_readsPrincipalsActionsAndConditionKeys_fromSingleOrArrayForms() {
    // GIVEN a policy as Lambda returns it, with a single statement object
    var json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"s3\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\","
        + "\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::b\"},"
        + "\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"}}}}";
    // WHEN
    var statements = LambdaSnapshotLoader.statements(json);
    // THEN
    assertEquals(List.of(new LambdaSnapshot.Statement("s3", "Allow",
        List.of("Service:s3.amazonaws.com"), List.of("lambda:InvokeFunction"),
        List.of("AWS:SourceArn", "AWS:SourceAccount"))), statements);
    var wildcard = LambdaSnapshotLoader.statements("{\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":\"*\",\"Action\":[\"lambda:InvokeFunction\",\"lambda:GetFunction\"]}]}");
    assertEquals(List.of("*"), wildcard.get(0).principals());
    assertEquals(2, wildcard.get(0).actions().size());
  }

  @Test
  void statements_rejectsDocumentsThatAreNotPolicies() {
    assertThrows(RuntimeException.class, () -> LambdaSnapshotLoader.statements("[]"));
    assertThrows(IllegalArgumentException.class,
        () -> LambdaSnapshotLoader.statements("{\"Statement\":[{\"Principal\":\"*\"}]}"));
  }
}
