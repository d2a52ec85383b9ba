package io.vigil.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

class RestoredCredentialsTest {

  /** A provider that hands out the credentials it was built with and can be closed. */
  private record Issued(AwsCredentials credentials, AtomicBoolean closed)
      implements AwsCredentialsProvider, AutoCloseable {
    @Override
    public AwsCredentials resolveCredentials() {
      return credentials;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void afterRestoreTheCredentialsAreObtainedAgainAndTheOldProviderIsClosed() {
    List<Issued> built = new ArrayList<>();
    var provider = RestoredCredentials.of(() -> {
      var issued = new Issued(AwsBasicCredentials.create("AKIDSNAPSHOT" + built.size(), "s"),
          new AtomicBoolean());
      built.add(issued);
      return issued;
    });
    assertEquals("AKIDSNAPSHOT0", provider.resolveCredentials().accessKeyId());

    provider.beforeCheckpoint(null);
    assertEquals("AKIDSNAPSHOT0", provider.resolveCredentials().accessKeyId(),
        "the checkpoint itself changes nothing");

    provider.afterRestore(null);
    assertEquals("AKIDSNAPSHOT1", provider.resolveCredentials().accessKeyId());
    assertTrue(built.get(0).closed().get(), "the provider cached in the snapshot is closed");
    assertEquals(2, built.size());
  }
}
