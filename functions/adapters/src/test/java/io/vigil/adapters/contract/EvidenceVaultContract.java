package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EvidenceVault} must do; subclasses supply the implementation. */
public abstract class EvidenceVaultContract {

  private EvidenceVault vault;
  private String p;

  protected abstract EvidenceVault vault();

  /**
   * Replaces the stored bytes at {@code address} behind the vault's back, as an attacker with
   * write access to the store would; returns false if the store cannot be reached that way.
   */
  protected abstract boolean overwriteBehindTheVaultsBack(Sha256 address, byte[] bytes);

  /** The exception type a read of tampered evidence throws. */
  protected abstract Class<? extends RuntimeException> tamperedException();

  @BeforeEach
  void setUp() {
    vault = vault();
    p = TestData.unique();
  }

  private byte[] evidence(String value) {
    return ("{\"bucket\":\"" + p + "\",\"encryption\":\"" + value + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void putReturnsTheSha256OfTheBytesAndGetReturnsThem() {
    var bytes = evidence("AES256");

    var address = vault.put(bytes);

    assertEquals(Sha256.of(bytes), address);
    assertTrue(vault.contains(address));
    assertArrayEquals(bytes, vault.get(address).orElseThrow());
  }

  @Test
  void puttingTheSameEvidenceTwiceStoresItOnce() {
    var bytes = evidence("aws:kms");

    var first = vault.put(bytes);
    var second = vault.put(bytes.clone());

    assertEquals(first, second);
    assertArrayEquals(bytes, vault.get(first).orElseThrow());
  }

  @Test
  void differentEvidenceHasDifferentAddresses() {
    var a = vault.put(evidence("AES256"));
    var b = vault.put(evidence("none"));

    assertFalse(a.equals(b));
    assertArrayEquals(evidence("none"), vault.get(b).orElseThrow());
  }

  @Test
  void putAllStoresEveryDocument_andReturnsTheirAddressesInTheOrderGiven() {
    var documents = new ArrayList<byte[]>();
    for (int i = 0; i < 40; i++) {
      documents.add(evidence("key-" + i));
    }
    documents.add(evidence("key-7")); // the same evidence twice in one call

    var addresses = vault.putAll(documents);

    assertEquals(documents.stream().map(Sha256::of).toList(), addresses);
    for (var bytes : documents) {
      assertArrayEquals(bytes, vault.get(Sha256.of(bytes)).orElseThrow());
    }
    assertEquals(List.of(), vault.putAll(List.of()));
  }

  @Test
  void unknownAddressIsAbsent() {
    var address = Sha256.of(evidence("never stored"));

    assertFalse(vault.contains(address));
    assertEquals(Optional.empty(), vault.get(address));
  }

  @Test
  void readingTamperedEvidenceFails() {
    var address = vault.put(evidence("AES256"));
    assumeTrue(overwriteBehindTheVaultsBack(address, evidence("forged")),
        "this store cannot be written behind the vault's back");

    assertThrows(tamperedException(), () -> vault.get(address));
  }
}
