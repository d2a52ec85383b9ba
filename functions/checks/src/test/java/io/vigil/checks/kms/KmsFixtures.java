package io.vigil.checks.kms;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.ScanTarget;

/** Plain-data keys for the KMS check tests. */
final class KmsFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final KmsSnapshot.Description CUSTOMER_ENABLED =
      new KmsSnapshot.Description("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS");
  static final KmsSnapshot.Description AWS_MANAGED =
      new KmsSnapshot.Description("AWS", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS");
  static final String ACCOUNT_ONLY = "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\","
      + "\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\","
      + "\"Resource\":\"*\"}]}";

  private KmsFixtures() {}

  static KmsSnapshot.Key key(
      String id, Lookup<KmsSnapshot.Description> description, Lookup<PolicyDocument> policy) {
    return new KmsSnapshot.Key(id, "arn:aws:kms:eu-west-1:123456789012:key/" + id, description,
        Lookup.absent(), policy);
  }

  static Lookup<PolicyDocument> policy(String json) {
    return Lookup.found(PolicyDocument.parse(json));
  }
}
