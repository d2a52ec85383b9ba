package io.vigil.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.EvidenceVaultContract;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** {@link S3EvidenceVault} and {@link EvidenceBucket} against the emulator. */
@WithAwsEmulator
class S3EvidenceVaultIT extends EvidenceVaultContract {

  private static Emulated aws;
  private static String bucket;

  @BeforeAll
  static void createBucket(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    bucket = Emulated.uniqueName("evidence");
    new EvidenceBucket(aws.s3(), bucket).createIfAbsent();
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected EvidenceVault vault() {
    return new S3EvidenceVault(aws.s3(), bucket);
  }

  @Override
  protected boolean overwriteBehindTheVaultsBack(Sha256 address, byte[] bytes) {
    aws.s3().putObject(r -> r.bucket(bucket).key(S3EvidenceVault.key(address)),
        RequestBody.fromBytes(bytes));
    return true;
  }

  @Override
  protected Class<? extends RuntimeException> tamperedException() {
    return TamperedEvidenceException.class;
  }

  @Test
  void evidenceIsStoredOnceAsJsonUnderItsContentAddress() {
    var bytes = ("{\"test\":\"" + Emulated.uniqueName("x") + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    var vault = vault();

    var address = vault.put(bytes);
    vault.put(bytes);

    var key = "evidence/sha256/" + address.hex().substring(0, 2) + "/" + address.hex() + ".json";
    assertEquals(key, S3EvidenceVault.key(address));
    var head = aws.s3().headObject(r -> r.bucket(bucket).key(key));
    assertEquals("application/json", head.contentType());
    var versions = aws.s3().listObjectVersions(r -> r.bucket(bucket).prefix(key)).versions();
    assertEquals(1, versions.size(), "the second put must not write a new version");
  }

  @Test
  void tamperedEvidenceNamesBothDigests() {
    var bytes = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    var address = vault().put(bytes);
    var forged = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
    overwriteBehindTheVaultsBack(address, forged);

    var e = assertThrows(TamperedEvidenceException.class,
        () -> vault().get(address));

    assertEquals(address, e.expected());
    assertEquals(Sha256.of(forged), e.actual());
    assertTrue(vault().contains(address), "the vault reports tampering, it deletes nothing");
    // restore the shared object for other tests of this class
    aws.s3().putObject(r -> r.bucket(bucket).key(S3EvidenceVault.key(address)),
        RequestBody.fromBytes(bytes));
  }

  @Test
  void bucketIsCreatedOnceVersionedPrivateAndEncrypted() {
    var name = Emulated.uniqueName("bucket");
    var evidenceBucket = new EvidenceBucket(aws.s3(), name);

    assertTrue(evidenceBucket.createIfAbsent());
    assertFalse(evidenceBucket.createIfAbsent());

    assertEquals(BucketVersioningStatus.ENABLED,
        aws.s3().getBucketVersioning(r -> r.bucket(name)).status());
    var block = aws.s3().getPublicAccessBlock(r -> r.bucket(name))
        .publicAccessBlockConfiguration();
    assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
        && block.restrictPublicBuckets());
    var rule = aws.s3().getBucketEncryption(r -> r.bucket(name))
        .serverSideEncryptionConfiguration().rules().get(0);
    assertEquals(ServerSideEncryption.AES256,
        rule.applyServerSideEncryptionByDefault().sseAlgorithm());
  }
}
