package io.vigil.aws;

import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Credentials that are obtained again after a SnapStart restore. A warm-up before the checkpoint
 * ({@link Priming}) makes AWS calls, so the SDK's provider resolves and caches the function's role
 * credentials into the snapshot; a snapshot may be restored hours later, in many environments at
 * once. On restore this provider drops its delegate and builds a fresh one, so every restored
 * environment resolves its own credentials on its first call instead of reusing the cached ones.
 *
 * <p>Where the JVM has no CRaC, registration is a no-op and this is a plain delegate.
 */
final class RestoredCredentials implements AwsCredentialsProvider, Resource {

  private final Supplier<AwsCredentialsProvider> factory;
  private volatile AwsCredentialsProvider delegate;

  private RestoredCredentials(Supplier<AwsCredentialsProvider> factory) {
    this.factory = factory;
    this.delegate = factory.get();
  }

  /** A provider built by {@code factory} now and again after each restore. */
  static RestoredCredentials of(Supplier<AwsCredentialsProvider> factory) {
    var provider = new RestoredCredentials(factory);
    Core.getGlobalContext().register(provider);
    return provider;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return delegate.resolveCredentials();
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    // The cached credentials stay usable until restore; they are replaced there.
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    var old = delegate;
    delegate = factory.get();
    if (old instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // a provider that fails to close holds nothing we still need
      }
    }
  }
}
