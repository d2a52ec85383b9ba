package io.vigil.checks.kms;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Loads the KMS keys of one region. Scope REGION: keys are regional.
 *
 * <p>Calls: ListKeys (paginated) once, DescribeKey per key, GetKeyPolicy (policy name default) per
 * customer managed key, and GetKeyRotationStatus only for keys where rotation applies (enabled,
 * customer managed, symmetric, KMS-generated material). A failing
 * ListKeys throws; a failing per-key call (often a key policy that does not grant the auditor
 * access) is recorded on that key.
 */
@Singleton
public final class KmsSnapshotLoader implements SnapshotLoader<KmsSnapshot> {

  private final AwsClientFactory clients;

  public KmsSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<KmsSnapshot> snapshotType() {
    return KmsSnapshot.class;
  }

  @Override
  public String service() {
    return "kms";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public KmsSnapshot load(ScanTarget target) {
    var kms = clients.forAccount(target.accountId()).client(KmsClient.class, KmsClient::builder, Region.of(target.region()));
    var keys = new ArrayList<KmsSnapshot.Key>();
    for (var k : kms.listKeysPaginator(r -> { }).keys()) {
      var id = k.keyId();
      var description = AwsCalls.lookup("DescribeKey", () -> {
        var m = kms.describeKey(r -> r.keyId(id)).keyMetadata();
        return new KmsSnapshot.Description(m.keyManagerAsString(), m.keyStateAsString(),
            m.keySpecAsString(), m.originAsString(), m.deletionDate());
      });
      Lookup<Boolean> rotation = description.toOptional()
          .filter(KmsSnapshot.Description::rotationApplies)
          .map(d -> AwsCalls.lookup("GetKeyRotationStatus",
              () -> kms.getKeyRotationStatus(r -> r.keyId(id)).keyRotationEnabled()))
          .orElse(Lookup.absent());
      Lookup<PolicyDocument> policy = description.toOptional()
          .filter(KmsSnapshot.Description::customerManaged)
          .map(d -> policyOf(AwsCalls.lookup("GetKeyPolicy",
              () -> kms.getKeyPolicy(r -> r.keyId(id).policyName("default")).policy())))
          .orElse(Lookup.absent());
      keys.add(new KmsSnapshot.Key(id, k.keyArn(), description, rotation, policy));
    }
    return new KmsSnapshot(keys);
  }

  /** The key policy text as a parsed document; a document that does not parse is a failure. */
  static Lookup<PolicyDocument> policyOf(Lookup<String> text) {
    if (text.isFailed()) {
      return Lookup.failed(text.error());
    }
    if (!text.isPresent()) {
      return Lookup.failed("GetKeyPolicy returned no policy");
    }
    try {
      return Lookup.found(PolicyDocument.parse(text.value()));
    } catch (IllegalArgumentException e) {
      return Lookup.failed("key policy could not be parsed: " + e.getMessage());
    }
  }
}
