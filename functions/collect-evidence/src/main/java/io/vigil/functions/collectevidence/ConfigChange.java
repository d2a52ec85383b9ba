package io.vigil.functions.collectevidence;

import io.vigil.domain.collection.ChangeScope;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Reads an AWS Config "Configuration Item Change Notification" into a change-scoped trigger. */
final class ConfigChange {

  private ConfigChange() {}

  static CollectionTrigger parse(Map<String, Object> event, String id, String source, Instant time) {
    if (!source.equals("aws.config")) {
      throw new InvalidEventException("field 'source' is '" + source + "': a '"
          + CollectionTrigger.CONFIG_CHANGE + "' comes from 'aws.config'");
    }
    var detail = Fields.requireObject(event, "detail", "detail");
    var item = Fields.requireObject(detail, "configurationItem", "detail.configurationItem");
    var path = "detail.configurationItem.";
    var account = Fields.requireString(item, "awsAccountId", path + "awsAccountId");
    var region = Fields.requireString(item, "awsRegion", path + "awsRegion");
    var resourceType = Fields.requireString(item, "resourceType", path + "resourceType");
    var resourceId = Fields.requireString(item, "resourceId", path + "resourceId");
    var arn = Fields.optionalString(item, "ARN", path + "ARN");
    var parts = resourceType.split("::");
    if (parts.length != 3 || !parts[0].equals("AWS")) {
      throw new InvalidEventException("field '" + path + "resourceType' must look like"
          + " AWS::Service::Type, got '" + resourceType + "'");
    }
    var change = new ChangeScope(parts[1].toLowerCase(Locale.ROOT), resourceType,
        arn != null ? arn : resourceId);
    if (!account.matches("\\d{12}")) {
      throw new InvalidEventException("field '" + path + "awsAccountId' must be a 12-digit account"
          + " id, got '" + account + "'");
    }
    return new CollectionTrigger(CollectionTrigger.Kind.CONFIG_CHANGE, id, source, account, region,
        time, "event:" + id, change, null);
  }
}
