package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.SnapshotLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partition of the catalogue into service groups: every check and every snapshot loader
 * belongs to exactly one group, the one its package declares, and the groups' services, SDK
 * artifacts, event sources and AWS Config resource types do not overlap.
 */
class ServiceGroupTest {

  private static BeanContext context;
  private static AwsClientFactory clients;
  private static List<EvidenceCheck<?>> checks;
  private static List<SnapshotLoader<?>> loaders;

  @BeforeAll
  static void startContext() {
    context = BeanContext.build();
    clients = new AwsClientFactory(AwsSettings.emulator("http://localhost:1", "eu-west-1"));
    context.registerSingleton(AwsClientFactory.class, clients);
    context.start();
    checks = new ArrayList<>();
    for (EvidenceCheck<?> c : context.getBeansOfType(EvidenceCheck.class)) {
      checks.add(c);
    }
    loaders = new ArrayList<>();
    for (SnapshotLoader<?> l : context.getBeansOfType(SnapshotLoader.class)) {
      loaders.add(l);
    }
  }

  @AfterAll
  static void stopContext() {
    context.close();
    clients.close();
  }

  @Test
  void everyLoader_belongsToExactlyOneGroup_theOneItsPackageDeclares() {
    var violations = new ArrayList<String>();
    for (var loader : loaders) {
      var groups = Arrays.stream(ServiceGroup.values()).filter(g -> g.covers(loader.service()))
          .toList();
      if (groups.size() != 1) {
        violations.add("loader " + loader.service() + " is in " + groups.size() + " groups");
        continue;
      }
      var declared = declaredGroup(loader.getClass());
      if (!declared.equals(Optional.of(groups.get(0)))) {
        violations.add(loader.getClass().getName() + ": service " + loader.service() + " is in "
            + groups.get(0) + " but its package-info declares " + declared.map(String::valueOf)
            .orElse("no group (add @Configuration and @ServiceGroup." + pascal(groups.get(0))
                + ")"));
      }
    }
    assertEquals(List.of(), violations);
    assertEquals(15, loaders.size());
  }

  @Test
  void everyCheck_belongsToExactlyOneGroup_thatOfItsLoader_andDeclaredByItsPackage() {
    var loaderGroup = new HashMap<Class<?>, ServiceGroup>();
    loaders.forEach(l -> loaderGroup.put(l.snapshotType(),
        ServiceGroup.forService(l.service()).orElseThrow()));
    var violations = new ArrayList<String>();
    var perGroup = new HashMap<ServiceGroup, Integer>();
    for (var check : checks) {
      var group = loaderGroup.get(check.snapshotType());
      var declared = declaredGroup(check.getClass());
      if (group == null || declared.isEmpty() || declared.get() != group) {
        violations.add(check.metadata().id() + ": loader group " + group + ", package declares "
            + declared.map(String::valueOf).orElse("none"));
        continue;
      }
      perGroup.merge(group, 1, Integer::sum);
    }
    assertEquals(List.of(), violations);
    assertEquals(checks.size(), perGroup.values().stream().mapToInt(Integer::intValue).sum(),
        "every check counted in exactly one group");
    for (var g : ServiceGroup.values()) {
      assertTrue(perGroup.getOrDefault(g, 0) > 0, "group " + g + " has checks");
    }
  }

  @Test
  void groupAnnotations_requireExactlyTheGroupsMarkerClasses() {
    assertEquals(ServiceGroup.NETWORK.markerClasses(),
        requiredClasses(ServiceGroup.Network.class.getAnnotation(Requires.class)));
    assertEquals(ServiceGroup.GOVERNANCE.markerClasses(),
        requiredClasses(ServiceGroup.Governance.class.getAnnotation(Requires.class)));
  }

  @Test
  void groups_doNotOverlap() {
    var services = new HashSet<String>();
    var artifacts = new HashSet<String>();
    var sources = new HashSet<String>();
    var prefixes = new HashSet<String>();
    for (var g : ServiceGroup.values()) {
      g.services().forEach(s -> assertTrue(services.add(s), "service " + s + " twice"));
      g.sdkArtifacts().forEach(a -> assertTrue(artifacts.add(a), "artifact " + a + " twice"));
      g.eventSources().forEach(s -> assertTrue(sources.add(s), "event source " + s + " twice"));
      g.configResourceTypePrefixes().forEach(p -> assertTrue(prefixes.add(p), p + " twice"));
    }
    for (var shared : List.of("s3", "dynamodb", "organizations", "sts", "sqs", "eventbridge")) {
      assertTrue(!artifacts.contains(shared), shared + " is needed by every package");
    }
  }

  @Test
  void lookups_routeServicesEventsAndConfigTypesToTheirGroup() {
    assertEquals(Optional.of(ServiceGroup.NETWORK), ServiceGroup.byId("network"));
    assertEquals(Optional.of(ServiceGroup.GOVERNANCE), ServiceGroup.byId(" Governance "));
    assertEquals(Optional.empty(), ServiceGroup.byId("all"));
    assertEquals(Optional.of(ServiceGroup.NETWORK), ServiceGroup.forService("ec2"));
    assertEquals(Optional.of(ServiceGroup.GOVERNANCE), ServiceGroup.forService("logs"));
    for (var s : List.of("aws.ec2", "aws.rds", "aws.lambda", "aws.elasticfilesystem",
        "aws.wafv2")) {
      assertEquals(Optional.of(ServiceGroup.NETWORK), ServiceGroup.forEventSource(s), s);
    }
    for (var s : List.of("aws.iam", "aws.s3", "aws.cloudtrail", "aws.config", "aws.kms",
        "aws.logs", "aws.dynamodb", "aws.access-analyzer")) {
      assertEquals(Optional.of(ServiceGroup.GOVERNANCE), ServiceGroup.forEventSource(s), s);
    }
    assertEquals(Optional.empty(), ServiceGroup.forEventSource("aws.sns"));
    assertEquals(Optional.of(ServiceGroup.NETWORK),
        ServiceGroup.forConfigResourceType("AWS::EC2::SecurityGroup"));
    assertEquals(Optional.of(ServiceGroup.NETWORK),
        ServiceGroup.forConfigResourceType("AWS::Lambda::Function"));
    assertEquals(Optional.of(ServiceGroup.GOVERNANCE),
        ServiceGroup.forConfigResourceType("AWS::S3::Bucket"));
    assertEquals(Optional.of(ServiceGroup.GOVERNANCE),
        ServiceGroup.forConfigResourceType("AWS::Logs::LogGroup"));
    assertEquals(Optional.empty(), ServiceGroup.forConfigResourceType("AWS::SNS::Topic"));
  }

  @Test
  void everyLoaderService_isReachedByItsGroupsEventSources() {
    for (var loader : loaders) {
      var group = ServiceGroup.forService(loader.service()).orElseThrow();
      assertTrue(group.eventSources().contains("aws." + loader.service()), loader.service());
    }
  }

  @Test
  void eventPatterns_areReadyForEventBridgeRules() {
    assertEquals(Map.of("source", List.of("aws.ec2", "aws.rds", "aws.lambda",
            "aws.elasticfilesystem", "aws.wafv2"),
            "detail-type", List.of("AWS API Call via CloudTrail")),
        ServiceGroup.NETWORK.apiCallEventPattern());
    var config = ServiceGroup.NETWORK.configChangeEventPattern();
    assertEquals(List.of("aws.config"), config.get("source"));
    assertEquals(List.of("Configuration Item Change Notification"), config.get("detail-type"));
    assertEquals(Map.of("configurationItem", Map.of("resourceType", List.of(
            Map.of("prefix", "AWS::EC2::"), Map.of("prefix", "AWS::RDS::"),
            Map.of("prefix", "AWS::Lambda::"), Map.of("prefix", "AWS::EFS::"),
            Map.of("prefix", "AWS::WAFv2::")))),
        config.get("detail"));
  }

  @Test
  void bothGroups_arePresent_onTheFullClassPath() {
    assertEquals(List.of(ServiceGroup.NETWORK, ServiceGroup.GOVERNANCE), ServiceGroup.present());
    assertEquals(List.of(), ServiceGroup.NETWORK.missingClasses());
  }

  @Test
  void docsEventsMd_routesEachEventSourceAsTheGroupsSay() throws Exception {
    var doc = Files.readString(Path.of("..", "..", "docs", "events.md"), StandardCharsets.UTF_8);
    for (var g : ServiceGroup.values()) {
      var row = "| `" + g.id() + "` | " + codes(g.eventSources()) + " | "
          + codes(g.configResourceTypePrefixes()) + " |";
      assertTrue(doc.contains(row), "docs/events.md lacks the routing row\n" + row);
    }
  }

  private static String codes(List<String> values) {
    return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
  }

  private static Optional<ServiceGroup> declaredGroup(Class<?> type) {
    var pkg = type.getPackage();
    var network = pkg.isAnnotationPresent(ServiceGroup.Network.class);
    var governance = pkg.isAnnotationPresent(ServiceGroup.Governance.class);
    if (network == governance) {
      return Optional.empty();
    }
    return Optional.of(network ? ServiceGroup.NETWORK : ServiceGroup.GOVERNANCE);
  }

  private static List<String> requiredClasses(Requires requires) {
    return Arrays.stream(requires.classes()).map(Class::getName).toList();
  }

  private static String pascal(ServiceGroup g) {
    return g.id().substring(0, 1).toUpperCase() + g.id().substring(1);
  }
}
