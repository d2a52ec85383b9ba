package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.emulator.junit.Canaries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A function restricted to some service groups ({@code vigil.collect.service-groups}, as in a
 * package holding one group's SDK): it evaluates exactly those groups' checks, and acknowledges
 * change events of another group's services as ignored before anything is written (no AWS call:
 * the endpoint is unreachable).
 */
class ServiceGroupFunctionTest {

  private static Map<String, Object> props(String groups) {
    var props = new HashMap<String, Object>();
    props.put("vigil.evidence-bucket", "bucket");
    props.put("vigil.aws.endpoint-url", "http://127.0.0.1:1");
    props.put("vigil.aws.region", "eu-west-1");
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    if (groups != null) {
      props.put("vigil.collect.service-groups", groups);
    }
    return props;
  }

  @Test
  void function_evaluatesTheCatalogueOfItsGroups_andOneCollectorPerGroup() {
    try (var all = new CollectEvidenceHandler(ApplicationContext.builder().properties(props(null)));
        var governance = new CollectEvidenceHandler(ApplicationContext.builder()
            .properties(props("governance")))) {
      var full = all.getApplicationContext().getBean(EvidenceCollector.class);
      var gov = governance.getApplicationContext().getBean(EvidenceCollector.class);

      assertEquals(new TreeSet<>(full.restrictedTo(ServiceGroup.GOVERNANCE::covers).services()),
          new TreeSet<>(gov.services()));
      assertTrue(gov.services().stream().allMatch(ServiceGroup.GOVERNANCE::covers));
      assertEquals(full.catalogue().size(),
          full.restrictedTo(ServiceGroup.NETWORK::covers).catalogue().size()
              + gov.catalogue().size(), "the groups partition the catalogue");
      assertEquals(List.of("all", "governance", "network"), List.copyOf(all
          .getApplicationContext().getBean(CollectionService.class).serviceGroups()));
      assertEquals(List.of("all", "governance"), List.copyOf(governance
          .getApplicationContext().getBean(CollectionService.class).serviceGroups()));
    }
  }

  @Test
  void changeOfAnotherGroupsService_isIgnored_namingTheGroup() {
    try (var governance = new CollectEvidenceHandler(ApplicationContext.builder()
            .properties(props("governance")));
        var network = new CollectEvidenceHandler(ApplicationContext.builder()
            .properties(props("network")))) {
      // CloudTrail AuthorizeSecurityGroupIngress (aws.ec2) reaches the governance function
      var ec2 = governance.collect(ChangeTriggerTest.sample("cloudtrail-change-security-group.json"),
          ProgressListener.SILENT);
      // AWS Config change of an S3 bucket reaches the network function
      var s3 = network.collect(ChangeTriggerTest.sample("config-change-s3-bucket.json"),
          ProgressListener.SILENT);

      assertTrue(ec2.response().ignored().contains("belongs to service group 'network'"),
          ec2.response().ignored());
      assertTrue(s3.response().ignored().contains("belongs to service group 'governance'"),
          s3.response().ignored());
      assertEquals(0, ec2.response().targets());
      assertEquals(null, ec2.outcome());
    }
  }
}
