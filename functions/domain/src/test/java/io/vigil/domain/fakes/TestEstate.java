package io.vigil.domain.fakes;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import io.vigil.domain.check.SnapshotLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny fake estate for domain tests: "buckets" that are encrypted or not, a loader that can be
 * made to fail, and two checks over them.
 */
public final class TestEstate {

  public static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  /** A bucket of the fake estate. */
  public record Bucket(String name, boolean encrypted, boolean versioned) {
    public String arn() {
      return "arn:aws:s3:::" + name;
    }
  }

  /** The fake service snapshot. */
  public record Snapshot(List<Bucket> buckets) {}

  /** Loads the estate's buckets, or throws the configured failure; counts its loads. */
  public static final class Loader implements SnapshotLoader<Snapshot> {
    private final List<Bucket> buckets = new ArrayList<>();
    private RuntimeException failure;
    private final AtomicInteger loads = new AtomicInteger();

    public Loader with(Bucket... more) {
      buckets.addAll(List.of(more));
      return this;
    }

    /** Replaces the estate's buckets (the account changed). */
    public synchronized Loader replace(Bucket... now) {
      buckets.clear();
      buckets.addAll(List.of(now));
      return this;
    }

    public Loader failingWith(RuntimeException e) {
      failure = e;
      return this;
    }

    public int loads() {
      return loads.get();
    }

    @Override
    public Class<Snapshot> snapshotType() {
      return Snapshot.class;
    }

    @Override
    public String service() {
      return "s3";
    }

    @Override
    public Scope scope() {
      return Scope.ACCOUNT;
    }

    @Override
    public synchronized Snapshot load(ScanTarget target) {
      loads.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return new Snapshot(List.copyOf(buckets));
    }
  }

  /** Bucket encrypted by default (HIGH, A.8.24 primary). */
  public static class EncryptionCheck implements EvidenceCheck<Snapshot> {
    @Override
    public CheckMetadata metadata() {
      return CheckMetadata.builder("s3_bucket_default_encryption_enabled")
          .title("S3 bucket encrypts objects at rest by default")
          .resourceType("AWS::S3::Bucket")
          .severity(Severity.HIGH)
          .primary("A.8.24")
          .rationale("Encryption at rest protects data on lost media.")
          .remediation("Enable default encryption.")
          .build();
    }

    @Override
    public Class<Snapshot> snapshotType() {
      return Snapshot.class;
    }

    @Override
    public List<Observation> evaluate(Snapshot s, ScanTarget target) {
      return s.buckets().stream()
          .map(b -> Observation.of(b.encrypted(), b.arn(), b.name() + " is encrypted",
              b.name() + " is not encrypted", Map.of("encrypted", b.encrypted())))
          .toList();
    }
  }

  /** Bucket versioned (LOW, A.8.13 supporting); throws when told to, like a buggy check. */
  public static final class VersioningCheck implements EvidenceCheck<Snapshot> {
    private final boolean broken;

    public VersioningCheck(boolean broken) {
      this.broken = broken;
    }

    @Override
    public CheckMetadata metadata() {
      return CheckMetadata.builder("s3_bucket_versioning_enabled")
          .title("S3 bucket keeps object versions")
          .resourceType("AWS::S3::Bucket")
          .severity(Severity.LOW)
          .supporting("A.8.13")
          .rationale("Versions allow recovery.")
          .remediation("Enable versioning.")
          .build();
    }

    @Override
    public Class<Snapshot> snapshotType() {
      return Snapshot.class;
    }

    @Override
    public List<Observation> evaluate(Snapshot s, ScanTarget target) {
      if (broken) {
        throw new IllegalStateException("bug in check");
      }
      return s.buckets().stream()
          .map(b -> Observation.of(b.versioned(), b.arn(), "versioned", "not versioned",
              Map.of("versioned", b.versioned())))
          .toList();
    }
  }

  private TestEstate() {}
}
