package io.vigil.adapters.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.notification.DomainEvent;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Events published on a bus reach an SQS queue through a rule: delivery, not just acceptance. 23
 * events take three {@code PutEvents} calls.
 */
@WithAwsEmulator
class EventBridgeEventPublisherIT {

  private static AwsClientFactory factory;
  private static EventBridgeClient events;
  private static SqsClient sqs;

  @BeforeAll
  static void connect(AwsEmulator emulator) {
    factory = new AwsClientFactory(AwsSettings.emulator(emulator.endpoint(), emulator.region()));
    var region = Region.of(emulator.region());
    events = factory.client(EventBridgeClient.class, EventBridgeClient::builder, region);
    sqs = factory.client(SqsClient.class, SqsClient::builder, region);
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private record Sample(int n) implements DomainEvent {
    @Override
    public String detailType() {
      return "Action Overdue";
    }

    @Override
    public Map<String, Object> detail() {
      return Map.of("schemaVersion", 1, "n", n, "actionId", "A-" + n);
    }

    @Override
    public String idempotencyKey() {
      return "sample:" + n;
    }
  }

  @Test
  void everyEventIsDeliveredWithSourceDetailTypeAndCanonicalDetail() {
    var bus = Emulated.uniqueName("bus");
    events.createEventBus(r -> r.name(bus));
    var queueUrl = sqs.createQueue(r -> r.queueName(Emulated.uniqueName("events"))).queueUrl();
    var queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(r -> r.name("to-queue").eventBusName(bus)
        .eventPattern("{\"source\":[\"vigil\"]}"));
    events.putTargets(r -> r.rule("to-queue").eventBusName(bus)
        .targets(t -> t.id("queue").arn(queueArn)));
    var published = IntStream.range(0, 23).mapToObj(Sample::new).toList();

    new EventBridgeEventPublisher(events, bus).publish(published);

    var bodies = new ArrayList<String>();
    for (int poll = 0; poll < 20 && bodies.size() < published.size(); poll++) {
      sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages().forEach(m -> bodies.add(m.body()));
    }
    assertEquals(published.size(), bodies.size(), "every event reached the queue");
    var details = new HashSet<String>();
    for (var body : bodies) {
      assertTrue(body.contains("\"source\":\"vigil\"") || body.contains("\"source\": \"vigil\""),
          body);
      assertTrue(body.contains("Action Overdue"), body);
      var start = body.indexOf("\"actionId\"");
      assertTrue(start > 0, body);
      details.add(body.substring(start, body.indexOf(',', start)));
    }
    assertEquals(published.size(), details.size(), "each event once: " + details);
  }

  @Test
  void nothingToPublishSendsNothing() {
    new EventBridgeEventPublisher(events, "default").publish(List.of());
  }
}
