package io.vigil.domain.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.control.ControlId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckMetadataTest {

  private static CheckMetadata.Builder valid() {
    return CheckMetadata.builder("s3_bucket_versioning_enabled")
        .title("S3 bucket keeps object versions")
        .resourceType("AWS::S3::Bucket")
        .severity(Severity.LOW)
        .supporting("A.8.13")
        .primary("A.5.33")
        .rationale("r")
        .remediation("fix");
  }

  @Test
  void build_listsPrimaryControlsFirst_andDerivesServiceFromId() {
    var m = valid().build();
    assertEquals(List.of(ControlId.parse("A.5.33"), ControlId.parse("A.8.13")), m.controlIds());
    assertEquals("s3", m.service());
  }

  @Test
  void build_refusesIncompleteOrMisleadingMetadata() {
    var e = assertThrows(IllegalArgumentException.class, () -> valid().remediation(" ").build());
    assertTrue(e.getMessage().contains("remediation"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> valid().title("Ensure versioning").build());
    assertThrows(IllegalArgumentException.class, () -> valid().title("ENSURE versioning").build());
    var unknown = assertThrows(IllegalArgumentException.class, () -> valid().primary("A.5.99").build());
    assertTrue(unknown.getMessage().contains("A.5.99 is not an Annex A 2022 control"));
    assertThrows(IllegalArgumentException.class, () -> valid().title("x".repeat(151)).build());
    assertThrows(IllegalArgumentException.class, () -> valid().primary("A.8.13").build());
    assertThrows(IllegalArgumentException.class, () -> CheckMetadata.builder("S3-Versioning"));
  }
}
