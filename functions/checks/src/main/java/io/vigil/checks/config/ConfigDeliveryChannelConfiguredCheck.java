package io.vigil.checks.config;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * A region with an AWS Config recorder has a delivery channel to an S3 bucket. A region without a
 * recorder is NOT_APPLICABLE ({@code config_recorder_all_resources_recording} reports it). One
 * observation per region, about {@code arn:<partition>:config:<region>:<account>:*}.
 */
@Singleton
public final class ConfigDeliveryChannelConfiguredCheck extends AccountCheck<ConfigSnapshot> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("config_delivery_channel_configured")
          .title("AWS Config delivers configuration history to an S3 bucket in the region")
          .resourceType("AWS::Config::DeliveryChannel")
          .severity(Severity.LOW)
          .supporting("A.8.9", "A.8.15")
          .rationale("The delivery channel is where Config writes configuration snapshots and"
              + " history files; without it the recorder cannot start and nothing outlives the"
              + " console's retention. Delivered history is the lasting record of configuration"
              + " (A.8.9) and a log source for investigations (A.8.15).")
          .remediation("aws configservice put-delivery-channel --delivery-channel"
              + " name=default,s3BucketName=BUCKET[,snsTopicARN=TOPIC_ARN] (the bucket policy"
              + " must allow config.amazonaws.com to write).")
          .build();

  public ConfigDeliveryChannelConfiguredCheck() {
    super(METADATA, ConfigSnapshot.class);
  }

  @Override
  protected Observation judge(ConfigSnapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("config", false);
    var subject = "region " + target.region();
    if (snapshot.recorders().isEmpty()) {
      return Observation.notApplicable(arn, subject + ": no AWS Config recorder");
    }
    var channel = snapshot.channels().stream()
        .filter(c -> c.s3BucketName() != null && !c.s3BucketName().isBlank())
        .findFirst();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("DeliveryChannels", snapshot.channels().stream()
        .map(ConfigSnapshot.DeliveryChannel::name).toList());
    channel.ifPresent(c -> {
      evidence.put("S3BucketName", c.s3BucketName());
      evidence.put("SnsTopicConfigured", c.snsTopicArn() != null);
    });
    return Observation.of(channel.isPresent(), arn,
        subject + ": delivery channel " + channel.map(c -> c.name() + " writes to bucket "
            + c.s3BucketName()).orElse(""),
        subject + ": no delivery channel to an S3 bucket", evidence);
  }
}
