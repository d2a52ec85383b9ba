package io.vigil.checks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.checks.Lookup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AwsCallsTest {

  @Test
  void lookup_returnsValue_whenCallSucceeds() {
    assertEquals(Lookup.found("Enabled"), AwsCalls.lookup("GetBucketVersioning", () -> "Enabled"));
  }

  @Test
  void lookup_isAbsent_whenCallReturnsNull() {
    assertEquals(Lookup.absent(), AwsCalls.lookup("GetBucketVersioning", () -> null));
  }

  @Test
  void lookup_isAbsent_whenServiceSaysNotConfigured() {
    // GIVEN
    var notFound = error("NoSuchPublicAccessBlockConfiguration", "not found", 404);
    // WHEN
    Lookup<String> lookup = AwsCalls.lookup("GetPublicAccessBlock", () -> {
      throw notFound;
    }, "NoSuchPublicAccessBlockConfiguration");
    // THEN
    assertFalse(lookup.isFailed());
    assertFalse(lookup.isPresent());
  }

  @Test
  void lookup_fails_withOperationAndErrorCode_whenAccessIsDenied() {
    // GIVEN
    var denied = error("AccessDenied", "Access Denied", 403);
    // WHEN
    Lookup<String> lookup = AwsCalls.lookup("GetPublicAccessBlock", () -> {
      throw denied;
    }, "NoSuchPublicAccessBlockConfiguration");
    // THEN
    assertEquals("GetPublicAccessBlock failed: AccessDenied: Access Denied", lookup.error());
  }

  @Test
  void lookup_fails_whenClientCannotReachTheService() {
    // WHEN
    Lookup<String> lookup = AwsCalls.lookup("GetBucketLocation", () -> {
      throw SdkClientException.create("Unable to execute HTTP request");
    });
    // THEN
    assertTrue(lookup.isFailed());
    assertTrue(lookup.error().startsWith("GetBucketLocation failed: SdkClientException"),
        lookup.error());
  }

  private static S3Exception error(String code, String message, int status) {
    return (S3Exception) S3Exception.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }
}
