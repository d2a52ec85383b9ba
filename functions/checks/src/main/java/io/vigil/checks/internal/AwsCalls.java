package io.vigil.checks.internal;

import io.vigil.checks.Lookup;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one read-only, per-resource AWS call and turns its outcome into a {@link Lookup}: the
 * service's "not configured" error codes become {@link Lookup#absent()}, any other failure becomes
 * {@link Lookup#failed(String)} naming the operation and the error code. Service-wide calls (the
 * list calls) are not wrapped: when they fail the loader throws and the collector records ERROR for
 * every dependent check.
 *
 * <pre>{@code
 * Lookup<String> algorithm = AwsCalls.lookup("GetBucketEncryption",
 *     () -> s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration()...,
 *     "ServerSideEncryptionConfigurationNotFoundError");
 * }</pre>
 */
public final class AwsCalls {

  private static final int MAX_MESSAGE = 300;

  private AwsCalls() {}

  /**
   * Calls {@code call}; a null result or an error whose code is in {@code notConfiguredCodes} means
   * absent.
   */
  public static <T> Lookup<T> lookup(
      String operation, Supplier<T> call, String... notConfiguredCodes) {
    try {
      T value = call.get();
      return value == null ? Lookup.absent() : Lookup.found(value);
    } catch (AwsServiceException e) {
      if (Set.of(notConfiguredCodes).contains(errorCode(e))) {
        return Lookup.absent();
      }
      return Lookup.failed(operation + " failed: " + describe(e));
    } catch (SdkException e) {
      return Lookup.failed(operation + " failed: " + describe(e));
    }
  }

  /** The service's error code, e.g. {@code AccessDenied}, or null when the service sent none. */
  public static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /** One short line: error code and message, without request ids. */
  static String describe(SdkException e) {
    String text;
    if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      var code = ase.awsErrorDetails().errorCode();
      var message = ase.awsErrorDetails().errorMessage();
      text = message == null || message.isBlank() ? code : code + ": " + message;
    } else {
      text = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    text = text.replace('\n', ' ');
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }
}
