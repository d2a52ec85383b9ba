package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.checks.s3.S3BucketVersioningEnabledCheck;
import io.vigil.checks.s3.S3Snapshot;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.collection.EvidenceCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue as Micronaut wires it: every check and loader is a compile-time bean, and the
 * checks obey {@link CatalogueRules}. The rules are also shown failing on deliberately bad checks.
 */
class CheckCatalogueTest {

  private static BeanContext context;
  private static List<EvidenceCheck<?>> checks;
  private static List<SnapshotLoader<?>> loaders;

  @BeforeAll
  static void startContext() {
    context = BeanContext.build();
    context.registerSingleton(AwsClientFactory.class,
        new AwsClientFactory(AwsSettings.emulator("http://localhost:1", "eu-west-1")));
    context.start();
    checks = new ArrayList<>();
    for (EvidenceCheck<?> c : context.getBeansOfType(EvidenceCheck.class)) {
      checks.add(c);
    }
    loaders = new ArrayList<>();
    for (SnapshotLoader<?> l : context.getBeansOfType(SnapshotLoader.class)) {
      loaders.add(l);
    }
  }

  @AfterAll
  static void stopContext() {
    context.close();
  }

  @Test
  void catalogue_hasAtLeastSixtyChecks_andOneLoaderPerService() {
    // GIVEN the beans WHEN counted THEN
    assertTrue(checks.size() >= 60, "only " + checks.size() + " checks: the catalogue promises 60+");
    assertEquals(15, loaders.size(), "loaders: " + loaders);
    assertEquals(List.of("account", "backup", "cloudtrail", "config", "dynamodb", "ec2",
        "guardduty", "iam", "kms", "lambda", "logs", "organizations", "rds", "s3", "securityhub"),
        loaders.stream().map(SnapshotLoader::service).sorted().toList());
  }

  @Test
  void catalogue_obeysEveryRule() {
    // WHEN
    var violations = CatalogueRules.violations(checks, loaders);
    // THEN
    assertEquals(List.of(), violations);
  }

  @Test
  void catalogue_isAcceptedByTheEvidenceCollector() {
    // GIVEN WHEN the collector validates ids and loaders THEN nothing is rejected
    var collector = new EvidenceCollector(checks, loaders);
    assertEquals(checks.size(), collector.catalogue().size());
  }

  @Test
  void loaders_declareTheScopeOfTheirService() {
    for (var loader : loaders) {
      var expected = switch (loader.service()) {
        case "s3", "iam", "cloudtrail", "organizations", "account" -> SnapshotLoader.Scope.ACCOUNT;
        default -> SnapshotLoader.Scope.REGION;
      };
      assertEquals(expected, loader.scope(), loader.service());
    }
  }

  @Test
  void rules_reportDuplicateId_whenTwoChecksShareOne() {
    // GIVEN the same check registered twice
    var doubled = new ArrayList<EvidenceCheck<?>>(checks);
    doubled.add(new S3BucketVersioningEnabledCheck());
    // WHEN
    var violations = CatalogueRules.violations(doubled, loaders);
    // THEN
    assertEquals(
        List.of("s3_bucket_versioning_enabled: id is used by more than one check"), violations);
  }

  @Test
  void metadata_refusesUnknownControl_andRulesReportMisnamedClass() {
    // GIVEN a check mapped to A.5.99, which ControlId accepts but Annex A does not have
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> new UnknownControlCheck("A.5.99").metadata());
    assertTrue(unknown.getMessage().contains("A.5.99 is not an Annex A 2022 control"));
    // and a misnamed, misplaced check with a valid control
    var bad = new ArrayList<EvidenceCheck<?>>(checks);
    bad.add(new UnknownControlCheck("A.8.24"));
    // WHEN
    var violations = CatalogueRules.violations(bad, loaders);
    // THEN
    assertTrue(violations.contains(
        "s3_bucket_made_up: class UnknownControlCheck should be S3BucketMadeUpCheck"),
        violations.toString());
    assertTrue(violations.contains(
        "s3_bucket_made_up: package io.vigil.checks should end with .s3"), violations.toString());
  }

  @Test
  void rules_reportMissingLoader_whenSnapshotTypeHasNone() {
    // GIVEN every loader except S3's
    var withoutS3 = loaders.stream().filter(l -> !l.service().equals("s3")).toList();
    // WHEN
    var violations = CatalogueRules.violations(checks, withoutS3);
    // THEN one violation per S3 check
    var s3Checks = checks.stream().filter(c -> c.snapshotType() == S3Snapshot.class).count();
    assertEquals(s3Checks, violations.size(), violations.toString());
    assertTrue(violations.get(0).endsWith("0 loaders for S3Snapshot, expected exactly 1"));
  }

  @Test
  void pascalCase_keepsDigitsAndJoinsParts() {
    assertEquals("IamUserAccessKeysRotated90Days",
        CatalogueRules.pascalCase("iam_user_access_keys_rotated_90_days"));
  }

  /** A deliberately broken check: wrong name, wrong package, unknown control. */
  private static final class UnknownControlCheck implements EvidenceCheck<S3Snapshot> {

    private final String control;

    UnknownControlCheck(String control) {
      this.control = control;
    }

    @Override
    public CheckMetadata metadata() {
      return CheckMetadata.builder("s3_bucket_made_up")
          .title("S3 bucket is made up")
          .resourceType("AWS::S3::Bucket")
          .severity(Severity.LOW)
          .primary(control)
          .rationale("test")
          .remediation("test")
          .build();
    }

    @Override
    public Class<S3Snapshot> snapshotType() {
      return S3Snapshot.class;
    }

    @Override
    public List<Observation> evaluate(S3Snapshot snapshot, ScanTarget target) {
      return List.of();
    }
  }
}
