package io.vigil.adapters.dynamodb;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.RunRepositoryContract;
import io.vigil.domain.collection.RunRepository;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link DynamoDbRunRepository} against the emulator. */
@WithAwsEmulator
class DynamoDbRunRepositoryIT extends RunRepositoryContract {

  private static Emulated aws;
  private static String table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("runs");
    new VigilTable(table).createIfAbsent(aws.dynamo());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected RunRepository repository() {
    return new DynamoDbRunRepository(aws.enhanced(), table);
  }
}
