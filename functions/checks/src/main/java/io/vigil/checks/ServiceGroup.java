package io.vigil.checks;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The service groups of the check catalogue: the one place that says which AWS services, SDK
 * artifacts, event sources and AWS Config resource types belong together (ADR 0005).
 *
 * <p>Every SDK service module is large (EC2 alone is 81 MB unzipped), so collect-evidence is built
 * as one Lambda deployment package per group ({@code *-lambda-network.jar},
 * {@code *-lambda-governance.jar}), each without the SDK service artifacts of the other group. A
 * check package declares its group with {@link Network @ServiceGroup.Network} or {@link Governance
 * @ServiceGroup.Governance} (a Micronaut {@code @Requires(classes = ...)} stereotype on the
 * package's {@code @Configuration}): in a package lacking the group's SDK its checks and loaders are
 * not loaded at all. The catalogue a function evaluates is therefore exactly the groups whose SDK
 * is present ({@link #present()}), optionally narrowed by {@code vigil.collect.service-groups}.
 *
 * <p>A collection unit is account × region × group; units of group {@link #ALL} are evaluated by
 * every group the collecting process has (CLI, local runs, a single fan-out queue).
 */
public enum ServiceGroup {

  /** Compute, network and data-store services: EC2/VPC/EBS, RDS, Lambda, EFS, WAFv2. */
  NETWORK(
      "network",
      List.of("ec2", "rds", "lambda", "elasticfilesystem", "wafv2"),
      List.of("ec2", "rds", "lambda", "efs", "wafv2"),
      List.of("software.amazon.awssdk.services.ec2.Ec2Client"),
      List.of("AWS::EC2::", "AWS::RDS::", "AWS::Lambda::", "AWS::EFS::", "AWS::WAFv2::")),

  /**
   * Identity, logging, monitoring, key management, backup and account governance: IAM, S3 and
   * S3 Control, CloudTrail, Config, KMS, GuardDuty, Security Hub, Backup, Organizations,
   * CloudWatch Logs, Access Analyzer, Account, and DynamoDB as a checked service.
   */
  GOVERNANCE(
      "governance",
      List.of("iam", "s3", "cloudtrail", "config", "kms", "guardduty", "securityhub", "backup",
          "organizations", "logs", "access-analyzer", "account", "dynamodb"),
      // s3, dynamodb and organizations are not listed: the function itself needs them in every
      // package (evidence vault, Vigil table, vigil.accounts=organization)
      List.of("iam", "s3control", "cloudtrail", "config", "kms", "guardduty", "securityhub",
          "backup", "cloudwatchlogs", "accessanalyzer", "account"),
      List.of("software.amazon.awssdk.services.iam.IamClient"),
      List.of("AWS::IAM::", "AWS::S3::", "AWS::CloudTrail::", "AWS::Config::", "AWS::KMS::",
          "AWS::GuardDuty::", "AWS::SecurityHub::", "AWS::Backup::", "AWS::Logs::",
          "AWS::AccessAnalyzer::", "AWS::DynamoDB::"));

  /** The group of a unit that one process evaluates with every group it has. */
  public static final String ALL = "all";

  /** The setting that narrows the groups a function evaluates (comma list of group ids). */
  public static final String SETTING = "vigil.collect.service-groups";

  /** EventBridge detail-type of CloudTrail API-call events. */
  public static final String API_CALL_DETAIL_TYPE = "AWS API Call via CloudTrail";

  /** EventBridge detail-type of AWS Config configuration item changes. */
  public static final String CONFIG_CHANGE_DETAIL_TYPE = "Configuration Item Change Notification";

  /** The SDK group id of every AWS SDK artifact ({@code software.amazon.awssdk:<artifact>}). */
  public static final String SDK_GROUP_ID = "software.amazon.awssdk";

  private final String id;
  private final List<String> services;
  private final List<String> sdkArtifacts;
  private final List<String> markerClasses;
  private final List<String> configResourceTypePrefixes;

  ServiceGroup(String id, List<String> services, List<String> sdkArtifacts,
      List<String> markerClasses, List<String> configResourceTypePrefixes) {
    this.id = id;
    this.services = services;
    this.sdkArtifacts = sdkArtifacts;
    this.markerClasses = markerClasses;
    this.configResourceTypePrefixes = configResourceTypePrefixes;
  }

  /** The group's name in settings, unit ids and queue configuration, e.g. {@code network}. */
  public String id() {
    return id;
  }

  /**
   * The services of the group, named as in ARNs and in CloudTrail's event source (e.g.
   * {@code ec2}, {@code logs}, {@code elasticfilesystem}); a snapshot loader's
   * {@code service()} is one of them.
   */
  public List<String> services() {
    return services;
  }

  /**
   * The SDK service artifacts ({@code software.amazon.awssdk:<artifactId>}) only this group needs:
   * the deployment package of the other group excludes them. Artifacts the function needs
   * whatever the group (s3, dynamodb, organizations, sts, sqs, eventbridge) are not listed.
   */
  public List<String> sdkArtifacts() {
    return sdkArtifacts;
  }

  /** Classes whose presence means this group's SDK is in the package (see {@link #isPresent()}). */
  public List<String> markerClasses() {
    return markerClasses;
  }

  /**
   * EventBridge {@code source} values of CloudTrail API-call events ({@code detail-type}
   * {@value #API_CALL_DETAIL_TYPE}) that belong to this group, e.g. {@code aws.ec2}.
   */
  public List<String> eventSources() {
    return services.stream().map(s -> "aws." + s).toList();
  }

  /**
   * Prefixes of {@code detail.configurationItem.resourceType} of AWS Config change events
   * ({@code source} {@code aws.config}, {@code detail-type} {@value #CONFIG_CHANGE_DETAIL_TYPE})
   * that belong to this group, e.g. {@code AWS::EC2::}.
   */
  public List<String> configResourceTypePrefixes() {
    return configResourceTypePrefixes;
  }

  /**
   * The EventBridge event pattern of the CloudTrail API calls this group's function receives, as a
   * JSON-ready map: {@code {"source": [...], "detail-type": ["AWS API Call via CloudTrail"]}}.
   */
  public Map<String, Object> apiCallEventPattern() {
    var pattern = new LinkedHashMap<String, Object>();
    pattern.put("source", eventSources());
    pattern.put("detail-type", List.of(API_CALL_DETAIL_TYPE));
    return pattern;
  }

  /**
   * The EventBridge event pattern of the AWS Config changes this group's function receives, as a
   * JSON-ready map: source {@code aws.config}, detail-type {@value #CONFIG_CHANGE_DETAIL_TYPE},
   * {@code detail.configurationItem.resourceType} matching one of the group's prefixes.
   */
  public Map<String, Object> configChangeEventPattern() {
    var prefixes = configResourceTypePrefixes.stream()
        .map(p -> Map.<String, Object>of("prefix", p)).toList();
    var pattern = new LinkedHashMap<String, Object>();
    pattern.put("source", List.of("aws.config"));
    pattern.put("detail-type", List.of(CONFIG_CHANGE_DETAIL_TYPE));
    pattern.put("detail", Map.of("configurationItem", Map.of("resourceType", prefixes)));
    return pattern;
  }

  /** Whether this group's SDK (its {@link #markerClasses()}) is on the class path. */
  public boolean isPresent() {
    return missingClasses().isEmpty();
  }

  /** The marker classes that are not on the class path (empty when the group is present). */
  public List<String> missingClasses() {
    var missing = new ArrayList<String>();
    for (var name : markerClasses) {
      try {
        Class.forName(name, false, ServiceGroup.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(name);
      }
    }
    return missing;
  }

  /** Whether {@code service} (as a snapshot loader names it) belongs to this group. */
  public boolean covers(String service) {
    return services.contains(service);
  }

  /** The groups whose SDK is on the class path, in declaration order. */
  public static List<ServiceGroup> present() {
    return Arrays.stream(values()).filter(ServiceGroup::isPresent).toList();
  }

  /** The group named {@code id} (case-insensitive), if there is one. */
  public static Optional<ServiceGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equalsIgnoreCase(id.trim())).findFirst();
  }

  /** The group of a service named as in ARNs / snapshot loaders, e.g. {@code ec2} → network. */
  public static Optional<ServiceGroup> forService(String service) {
    var s = service.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(g -> g.services.contains(s)).findFirst();
  }

  /** The group of a CloudTrail API-call event's {@code source}, e.g. {@code aws.rds} → network. */
  public static Optional<ServiceGroup> forEventSource(String source) {
    return source.startsWith("aws.") ? forService(source.substring(4)) : Optional.empty();
  }

  /** The group of an AWS Config resource type, e.g. {@code AWS::EC2::SecurityGroup} → network. */
  public static Optional<ServiceGroup> forConfigResourceType(String resourceType) {
    return Arrays.stream(values())
        .filter(g -> g.configResourceTypePrefixes.stream().anyMatch(resourceType::startsWith))
        .findFirst();
  }

  /** The ids of all groups, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(ServiceGroup::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * Marks a check package (on its {@code package-info.java}, next to {@code @Configuration}) as part
   * of {@link #NETWORK}: its beans load only where the group's SDK is present. The classes must
   * equal {@link #NETWORK}'s {@link #markerClasses()} (a test compares them).
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @Requires(classes = software.amazon.awssdk.services.ec2.Ec2Client.class)
  public @interface Network {}

  /**
   * Marks a check package (on its {@code package-info.java}, next to {@code @Configuration}) as part
   * of {@link #GOVERNANCE}: its beans load only where the group's SDK is present. The classes must
   * equal {@link #GOVERNANCE}'s {@link #markerClasses()} (a test compares them).
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @Requires(classes = software.amazon.awssdk.services.iam.IamClient.class)
  public @interface Governance {}
}
