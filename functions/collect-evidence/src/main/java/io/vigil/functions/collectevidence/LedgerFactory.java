package io.vigil.functions.collectevidence;

import io.micronaut.context.annotation.Factory;
import io.vigil.adapters.dynamodb.DynamoDbLedgerRepository;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.LedgerRepository;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.time.Clock;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Wires the tamper-evident evidence ledger: the DynamoDB ledger store in the Vigil table, the
 * ledger that records each unit's manifest in the evidence vault, and the verifier behind
 * {@code vigil verify}, which names vault objects by their {@code s3://} URL.
 */
@Factory
public class LedgerFactory {

  @Singleton
  LedgerRepository ledgerRepository(DynamoDbEnhancedClient dynamo, VigilSettings settings) {
    return new DynamoDbLedgerRepository(dynamo, settings.tableName());
  }

  @Singleton
  EvidenceLedger evidenceLedger(LedgerRepository repository, EvidenceVault vault) {
    return new EvidenceLedger(repository, vault, Clock.system());
  }

  @Singleton
  LedgerVerifier ledgerVerifier(LedgerRepository repository, EvidenceVault vault,
      VigilSettings settings) {
    var bucket = settings.evidenceBucket();
    return new LedgerVerifier(repository, vault,
        address -> "s3://" + bucket + "/" + S3EvidenceVault.key(address));
  }
}
