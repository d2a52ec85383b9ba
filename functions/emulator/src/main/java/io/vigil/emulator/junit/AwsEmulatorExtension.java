package io.vigil.emulator.junit;

import io.vigil.emulator.MotoServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit 5 extension behind {@link WithAwsEmulator}: one emulator per test JVM. */
public final class AwsEmulatorExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator(context);
  }

  /** The emulator of this test JVM, started on first use. */
  public static AwsEmulator emulator(ExtensionContext context) {
    var store = context.getRoot().getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(Holder.class, k -> Holder.create(), Holder.class).emulator;
  }

  /** Closed by JUnit when the root context closes, i.e. after the last test of the JVM. */
  static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final AwsEmulator emulator;
    final MotoServer moto;

    private Holder(AwsEmulator emulator, MotoServer moto) {
      this.emulator = emulator;
      this.moto = moto;
    }

    static Holder create() {
      var configured = AwsEmulator.configuredEndpoint();
      if (configured != null) {
        return new Holder(new AwsEmulator(configured, false), null);
      }
      var moto = MotoServer.start();
      return new Holder(new AwsEmulator(moto.endpoint(), true), moto);
    }

    @Override
    public void close() {
      if (moto != null) {
        moto.close();
      }
    }
  }
}
