package io.vigil.cli;

import io.vigil.aws.AwsSettings;
import io.vigil.functions.collectevidence.VigilSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved AWS target: endpoint (empty for real AWS), region (empty for the SDK's region
 * chain), table, bucket, regions to scan, and whether to use the emulator's dummy credentials.
 */
record AwsTarget(
    Optional<String> endpoint,
    Optional<String> region,
    String table,
    String bucket,
    String scanRegions,
    boolean dummyCredentials) {

  static final String DUMMY_KEY = "test";

  /** The function's Micronaut properties ({@link VigilSettings} keys) for this target. */
  Map<String, Object> properties() {
    var p = new LinkedHashMap<String, Object>();
    p.put(VigilSettings.TABLE_NAME, table);
    p.put(VigilSettings.EVIDENCE_BUCKET, bucket);
    p.put(VigilSettings.REGIONS, scanRegions);
    p.put(AwsSettings.ENDPOINT_URL, endpoint.orElse(""));
    p.put(AwsSettings.REGION, region.orElse(""));
    p.put(AwsSettings.ACCESS_KEY_ID, dummyCredentials ? DUMMY_KEY : "");
    p.put(AwsSettings.SECRET_ACCESS_KEY, dummyCredentials ? DUMMY_KEY : "");
    return p;
  }

  /** One line for the progress output, e.g. "http://127.0.0.1:5000 (eu-west-1)". */
  String describe() {
    return endpoint.orElse("AWS") + " (" + region.orElse("default region") + "), table " + table
        + ", bucket " + bucket;
  }
}
