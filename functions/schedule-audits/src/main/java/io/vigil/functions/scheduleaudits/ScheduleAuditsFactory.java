package io.vigil.functions.scheduleaudits;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.scheduler.EventBridgeSchedulerAuditReminders;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.audit.AuditReminders;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Composition root of schedule-audits: findings and audits in DynamoDB, reminders in EventBridge
 * Scheduler (only when a reminder target is configured). Everything is exposed as one
 * {@link ScheduleAuditsComponents} bean, not as beans of shared types, so the CLI can run this
 * function next to the others on one classpath.
 */
@Factory
public class ScheduleAuditsFactory {

  @Singleton
  @Bean(preDestroy = "close")
  ScheduleAuditsComponents components(ScheduleAuditsSettings settings) {
    var clients = new AwsClientFactory(settings.aws());
    try {
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
          clients.defaultRegion());
      var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
      var findings = new DynamoDbFindingRepository(enhanced, settings.tableName());
      var audits = new DynamoDbAuditRepository(enhanced, settings.tableName());
      var programme = settings.programme();
      Function<String, String> email = id -> programme.auditors().stream()
          .filter(a -> a.id().equals(id)).map(a -> a.email()).findFirst().orElse(id);
      Optional<AuditReminders> reminders = settings.targetArn().map(target ->
          new EventBridgeSchedulerAuditReminders(
              clients.client(SchedulerClient.class, SchedulerClient::builder,
                  clients.defaultRegion()),
              settings.scheduleGroup(), target, settings.roleArn(), settings.zone(),
              settings.reminderTime(), Clock.systemUTC(), email, settings.deadLetterArn()));
      return new ScheduleAuditsComponents(
          new AuditScheduling(programme, findings, audits, reminders), settings.zone(), clients);
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
  }
}
