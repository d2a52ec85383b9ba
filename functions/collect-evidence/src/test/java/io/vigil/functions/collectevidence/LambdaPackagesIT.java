package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.ApplicationContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.IsolatedPackage;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Lambda deployment packages built in the package phase ({@code *-lambda-network.jar},
 * {@code *-lambda-governance.jar}), opened as Lambda would use them:
 *
 * <ul>
 *   <li>each is under Lambda's 250 MB unzipped limit (the build fails loudly when it is not) and
 *       holds no class of the SDK service artifacts only the other group needs;
 *   <li>each, alone on a class path of its own, starts both handlers without a
 *       NoClassDefFoundError, evaluates exactly its group's catalogue, collects a unit of its group
 *       against the emulator and refuses a unit of the other group.
 * </ul>
 *
 * <p>The paths come from failsafe ({@code vigil.lambda.<group>.jar}); run outside the build (no
 * such property) the test is skipped, but a path that is set and missing fails.
 */
@WithAwsEmulator
class LambdaPackagesIT {

  /** Lambda's limit on the unzipped size of a function's deployment package (250 MB). */
  static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

  /** What ADR 0005 aims for, leaving room for growth. */
  static final long TARGET = 200L * 1024 * 1024;

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String HANDLER = CollectEvidenceHandler.class.getName();
  private static final String QUEUE_HANDLER = CollectEvidenceQueueHandler.class.getName();

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  static Path packageOf(ServiceGroup group) {
    var property = "vigil.lambda." + group.id() + ".jar";
    var path = System.getProperty(property);
    Assumptions.assumeTrue(path != null && !path.isBlank(),
        property + " is not set: run through the build (./mvnw verify)");
    var jar = Path.of(path);
    if (!Files.isRegularFile(jar)) {
      fail("deployment package " + jar + " was not built (maven-shade-plugin execution lambda-"
          + group.id() + " in the package phase)");
    }
    return jar;
  }

  @ParameterizedTest
  @EnumSource(ServiceGroup.class)
  void package_isUnderLambdasUnzippedLimit_andHoldsNoSdkOfTheOtherGroup(ServiceGroup group)
      throws IOException {
    var jar = packageOf(group);
    long unzipped = 0;
    int files = 0;
    var foreign = new TreeSet<String>();
    var entries = new java.util.HashSet<String>();
    var others = otherGroups(group).stream().flatMap(g -> g.sdkArtifacts().stream())
        .map(a -> "software/amazon/awssdk/services/" + a + "/").toList();
    try (var zip = new ZipFile(jar.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        entries.add(e.getName());
        if (e.isDirectory()) {
          continue;
        }
        unzipped += e.getSize();
        files++;
        others.stream().filter(e.getName()::startsWith).findFirst().ifPresent(foreign::add);
      }
    }
    var size = unzipped;
    System.out.printf("%s: %,d bytes unzipped (%.1f MiB), %,d files%n", jar.getFileName(),
        size, size / 1048576.0, files);
    assertTrue(size < LAMBDA_UNZIPPED_LIMIT, () -> "DEPLOYMENT PACKAGE TOO LARGE: "
        + jar.getFileName() + " is " + size + " bytes unzipped, over Lambda's limit of "
        + LAMBDA_UNZIPPED_LIMIT + " (250 MB): move SDK artifacts to another service group"
        + " (io.vigil.checks.ServiceGroup, ADR 0005)");
    assertTrue(size < TARGET, () -> jar.getFileName() + " is " + size
        + " bytes unzipped, over the 200 MB target of ADR 0005");
    assertEquals(Set.of(), foreign, "SDK packages of another group in " + jar.getFileName());
    for (var marker : group.markerClasses()) {
      assertTrue(entries.contains(marker.replace('.', '/') + ".class"), marker);
    }
    for (var handler : List.of(HANDLER, QUEUE_HANDLER)) {
      assertTrue(entries.contains(handler.replace('.', '/') + ".class"), handler);
    }
  }

  @ParameterizedTest
  @EnumSource(ServiceGroup.class)
  void package_startsBothHandlers_evaluatesItsGroup_andCollectsAUnitOfIt(ServiceGroup group)
      throws Exception {
    var jar = packageOf(group);
    var table = "it-pkg-" + group.id() + "-" + SUFFIX;
    var bucket = "it-pkg-" + group.id() + "-" + SUFFIX;
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", table);
    props.put("vigil.evidence-bucket", bucket);
    props.put("vigil.collect.concurrency", "1");
    // the expected catalogue, from this module's class path (every group)
    Set<String> expected;
    try (var local = new CollectEvidenceHandler(ApplicationContext.builder().properties(props))) {
      local.getApplicationContext().getBean(StorageSetup.class).initialize();
      expected = local.getApplicationContext().getBean(EvidenceCollector.class)
          .restrictedTo(group::covers).catalogue().stream().map(c -> c.id().value())
          .collect(Collectors.toCollection(TreeSet::new));
    }
    var account = clients.callerAccount();
    var runId = "run-pkg-" + group.id() + "-" + SUFFIX;
    var own = message("m-own", new CollectionUnit(runId, "package test",
        new ScanTarget(account, emulator.region()), true, null, group.id()));
    var other = otherGroups(group).get(0);
    var foreign = message("m-foreign", new CollectionUnit(runId, "package test",
        new ScanTarget(account, emulator.region()), true, null, other.id()));

    try (var isolated = new IsolatedPackage(jar)) {
      // both handlers start from the package alone
      var trigger = isolated.handler(HANDLER, props);
      var worker = isolated.handler(QUEUE_HANDLER, props);
      try {
        var catalogue = catalogueOf(isolated, worker);
        assertEquals(expected, catalogue, "the package evaluates exactly its group's checks");
        assertFalse(catalogue.isEmpty());

        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) isolated.handleRequest(worker,
            Map.of("Records", List.of(own, foreign)));

        assertEquals(List.of(Map.of("itemIdentifier", "m-foreign")),
            response.get("batchItemFailures"), "a unit of " + other + " is refused");
      } finally {
        isolated.invoke(trigger, "close");
        isolated.invoke(worker, "close");
      }
    }
    try (var local = new CollectEvidenceHandler(ApplicationContext.builder().properties(props))) {
      var results = local.getApplicationContext().getBean(ResultRepository.class).findByRun(runId);
      assertFalse(results.isEmpty(), "the package collected its unit");
      assertTrue(results.stream().allMatch(r -> expected.contains(r.checkId().value())),
          results.toString());
    }
  }

  private static List<ServiceGroup> otherGroups(ServiceGroup group) {
    return java.util.Arrays.stream(ServiceGroup.values()).filter(g -> g != group).toList();
  }

  private static Map<String, Object> message(String id, CollectionUnit unit) {
    return Map.of("messageId", id, "body", CanonicalJson.write(UnitMessage.toMap(unit)),
        "eventSource", "aws:sqs");
  }

  /** The ids of the checks the handler's {@code EvidenceCollector} evaluates. */
  private static Set<String> catalogueOf(IsolatedPackage isolated, Object handler)
      throws Exception {
    var context = isolated.invoke(handler, "getApplicationContext");
    var collectorType = isolated.loader().loadClass(EvidenceCollector.class.getName());
    var collector = isolated.loader().loadClass("io.micronaut.context.BeanLocator")
        .getMethod("getBean", Class.class).invoke(context, collectorType);
    var out = new TreeSet<String>();
    for (var metadata : (List<?>) isolated.invoke(collector, "catalogue")) {
      out.add(String.valueOf(isolated.invoke(isolated.invoke(metadata, "id"), "value")));
    }
    return out;
  }
}
