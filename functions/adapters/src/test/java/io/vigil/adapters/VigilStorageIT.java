package io.vigil.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** {@link VigilStorage#initialize()} creates what is missing, once. */
@WithAwsEmulator
class VigilStorageIT {

  @Test
  void initializeCreatesTableAndBucketAndIsIdempotent(AwsEmulator emulator) {
    try (var aws = Emulated.connect(emulator)) {
      var table = Emulated.uniqueName("storage");
      var bucket = Emulated.uniqueName("storage");
      var storage = new VigilStorage(aws.dynamo(), aws.s3(), table, bucket);

      assertEquals(new VigilStorage.Initialized(table, true, bucket, true), storage.initialize());
      assertEquals(new VigilStorage.Initialized(table, false, bucket, false), storage.initialize());

      assertEquals(TableStatus.ACTIVE,
          aws.dynamo().describeTable(r -> r.tableName(table)).table().tableStatus());
      aws.s3().headBucket(r -> r.bucket(bucket));
    }
  }
}
