package io.vigil.checks.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CloudWatchSnapshotLoaderTest {

  @Test
  void arn_prefersLogGroupArn_elseStripsTheWildcardSuffix() {
    assertEquals("arn:aws:logs:eu-west-1:1:log-group:/a",
        CloudWatchSnapshotLoader.arn("arn:aws:logs:eu-west-1:1:log-group:/a",
            "arn:aws:logs:eu-west-1:1:log-group:/a:*"));
    assertEquals("arn:aws:logs:eu-west-1:1:log-group:/b",
        CloudWatchSnapshotLoader.arn(null, "arn:aws:logs:eu-west-1:1:log-group:/b:*"));
    assertEquals("arn:aws:logs:eu-west-1:1:log-group:/c",
        CloudWatchSnapshotLoader.arn(" ", "arn:aws:logs:eu-west-1:1:log-group:/c"));
  }
}
