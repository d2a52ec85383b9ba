package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.checks.ServiceGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fan-out and service group settings: parsed as documented, bad values named by their key. */
class VigilSettingsTest {

  private static VigilSettings settings(String queueUrl, String queues, String groups) {
    return new VigilSettings("vigil", "bucket", "", "", queueUrl, queues, groups, "4", "", "",
        "", "", "", "", "");
  }

  private static String error(String queueUrl, String queues, String groups) {
    return assertThrows(IllegalStateException.class, () -> settings(queueUrl, queues, groups))
        .getMessage();
  }

  @Test
  void fanOutQueues_areReadAsGroupUrlPairs_inTheGroupsOrder() {
    var s = settings("", " governance = https://sqs.eu-west-1.amazonaws.com/1/gov ,"
        + "network=https://sqs.eu-west-1.amazonaws.com/1/net", "");

    assertEquals(List.of("network", "governance"), new ArrayList<>(s.fanOutQueues().keySet()));
    assertEquals("https://sqs.eu-west-1.amazonaws.com/1/gov", s.fanOutQueues().get("governance"));
    assertEquals(Optional.empty(), s.fanOutQueueUrl());
  }

  @Test
  void noFanOutSetting_meansInProcess_andTheSingleQueueKeepsWorking() {
    assertEquals(Map.of(), settings("", "", "").fanOutQueues());
    var single = settings("https://sqs.eu-west-1.amazonaws.com/1/units", "", "");
    assertEquals(Optional.of("https://sqs.eu-west-1.amazonaws.com/1/units"),
        single.fanOutQueueUrl());
    assertEquals(Map.of(), single.fanOutQueues());
  }

  @Test
  void badFanOutQueues_failWithAnErrorNamingTheKey() {
    var unknown = error("", "network=https://q/1,compute=https://q/2", "");
    assertTrue(unknown.startsWith("vigil.fan-out-queues: unknown service group 'compute'"),
        unknown);
    assertTrue(unknown.contains("network, governance"), unknown);

    var missingUrl = error("", "network=", "");
    assertTrue(missingUrl.startsWith("vigil.fan-out-queues: service group 'network' has no"
        + " queue URL"), missingUrl);

    var noPair = error("", "network", "");
    assertTrue(noPair.contains("vigil.fan-out-queues: 'network' is not a group=queueUrl pair"),
        noPair);

    var twice = error("", "network=https://q/1,NETWORK=https://q/2", "");
    assertTrue(twice.contains("'network' is given twice"), twice);

    var all = error("", "all=https://q/1", "");
    assertTrue(all.contains("vigil.fan-out-queue-url"), all);

    var notUrl = error("", "network=vigil-collect-network", "");
    assertTrue(notUrl.startsWith("vigil.fan-out-queues (network): 'vigil-collect-network' is not"
        + " a queue URL"), notUrl);

    var both = error("https://q/units", "network=https://q/1", "");
    assertTrue(both.contains("vigil.fan-out-queue-url") && both.contains("vigil.fan-out-queues")
        && both.contains("not both"), both);
  }

  @Test
  void serviceGroups_defaultToEveryGroupWhoseSdkIsPresent_andCanBeNarrowed() {
    assertEquals(List.of(ServiceGroup.NETWORK, ServiceGroup.GOVERNANCE),
        settings("", "", "").serviceGroups());
    assertEquals(List.of(ServiceGroup.GOVERNANCE), settings("", "", " governance ")
        .serviceGroups());
    assertEquals(List.of(ServiceGroup.NETWORK, ServiceGroup.GOVERNANCE),
        settings("", "", "governance,network").serviceGroups());

    var unknown = error("", "", "network,storage");
    assertTrue(unknown.startsWith("vigil.collect.service-groups: unknown service group"
        + " 'storage'"), unknown);
  }

  @Test
  void badSetting_stopsTheFunctionAtStartup_namingTheKey() {
    var props = Map.<String, Object>of(
        "vigil.evidence-bucket", "bucket",
        "vigil.aws.endpoint-url", "http://127.0.0.1:1",
        "vigil.aws.region", "eu-west-1",
        "vigil.fan-out-queues", "network=https://q/1,compute=https://q/2");

    var failure = assertThrows(RuntimeException.class,
        () -> new CollectEvidenceHandler(ApplicationContext.builder().properties(props)).close());

    var messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("vigil.fan-out-queues: unknown service group"
        + " 'compute'"), messages.toString());
  }
}
