package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every VPC has at least one active flow log attached to the VPC itself. Flow logs on single
 * subnets or network interfaces do not count: they leave the rest of the VPC unrecorded.
 */
@Singleton
public final class Ec2VpcFlowLogsEnabledCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.VpcFlowLogs> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("ec2_vpc_flow_logs_enabled")
      .title("VPC records its network traffic with an active flow log")
      .resourceType("AWS::EC2::VPC")
      .severity(Severity.MEDIUM)
      .supporting("A.8.15", "A.8.16", "A.8.20")
      .rationale("VPC flow logs record which addresses talked to which, on which ports, and"
          + " whether the traffic was accepted or rejected. They are the network part of the"
          + " logging record (A.8.15), the input for detecting scans, exfiltration and lateral"
          + " movement (A.8.16), and show that network controls work as intended (A.8.20)."
          + " Supporting evidence: the logs must also be retained and analysed. Traffic type"
          + " ALL is recommended; ACCEPT-only or REJECT-only logs pass and are recorded.")
      .remediation("aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC_ID"
          + " --traffic-type ALL --log-destination-type s3 --log-destination"
          + " arn:aws:s3:::LOG_BUCKET (or cloud-watch-logs with --deliver-logs-permission-arn);"
          + " CDK: vpc.addFlowLog(...).")
      .build();

  public Ec2VpcFlowLogsEnabledCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::vpcsWithFlowLogs);
  }

  @Override
  protected Observation judge(Ec2Snapshot.VpcFlowLogs subjectVpc, ScanTarget target) {
    var vpc = subjectVpc.vpc();
    var subject = "VPC " + vpc.id() + (vpc.isDefault() ? " (default)" : "");
    var logs = subjectVpc.flowLogs().stream().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("flowLogId", f.id());
      m.put("status", f.status());
      m.put("trafficType", f.trafficType());
      return m;
    }).toList();
    var active = subjectVpc.flowLogs().stream().filter(Ec2Snapshot.FlowLog::isActive).toList();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("isDefault", vpc.isDefault());
    evidence.put("flowLogs", logs);
    var failReason = subjectVpc.flowLogs().isEmpty()
        ? subject + ": has no flow log"
        : subject + ": has no active flow log (" + subjectVpc.flowLogs().size() + " inactive)";
    return Observation.of(!active.isEmpty(), vpc.arn(),
        subject + ": flow log " + (active.isEmpty() ? "" : active.get(0).id()) + " records "
            + (active.isEmpty() ? "" : active.get(0).trafficType()) + " traffic",
        failReason, evidence);
  }
}
