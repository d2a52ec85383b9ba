package io.vigil.functions.collectevidence;

import io.vigil.domain.collection.ChangeScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads an "AWS API Call via CloudTrail" event into a change-scoped trigger: the service from
 * {@code eventSource}, the changed resource from the request parameters where the API names one.
 */
final class ApiCall {

  /** Request parameters that name the changed resource, in order of preference. */
  private static final List<String> RESOURCE_PARAMETERS = List.of(
      "bucketName", "groupId", "userName", "roleName", "policyArn", "keyId", "trailName", "name",
      "dBInstanceIdentifier", "dBClusterIdentifier", "dBSnapshotIdentifier", "tableName",
      "functionName", "logGroupName", "detectorId", "backupVaultName", "backupPlanId", "volumeId",
      "snapshotId", "instanceId", "imageId", "vpcId", "networkAclId");

  private static final List<String> READ_ONLY_PREFIXES =
      List.of("Get", "List", "Describe", "Head", "Lookup", "BatchGet", "Search", "Select");

  private ApiCall() {}

  static CollectionTrigger parse(Map<String, Object> event, String id, String source,
      String eventAccount, String eventRegion, Instant time) {
    var detail = Fields.requireObject(event, "detail", "detail");
    var eventSource = Fields.requireString(detail, "eventSource", "detail.eventSource");
    if (!eventSource.endsWith(".amazonaws.com")) {
      throw new InvalidEventException("field 'detail.eventSource' must be an AWS service endpoint"
          + " such as s3.amazonaws.com, got '" + eventSource + "'");
    }
    var eventName = Fields.requireString(detail, "eventName", "detail.eventName");
    var region = firstNonNull(Fields.optionalString(detail, "awsRegion", "detail.awsRegion"),
        eventRegion);
    var account = firstNonNull(
        Fields.optionalString(detail, "recipientAccountId", "detail.recipientAccountId"),
        eventAccount);
    var service = eventSource.substring(0, eventSource.indexOf('.'));
    var runSource = "event:" + id;
    var error = Fields.optionalString(detail, "errorCode", "detail.errorCode");
    if (error != null) {
      return ignored(id, source, account, region, time, runSource,
          eventName + " failed with " + error + ": nothing changed");
    }
    if (Boolean.TRUE.equals(detail.get("readOnly")) || isReadOnly(eventName)) {
      return ignored(id, source, account, region, time, runSource,
          eventName + " is a read-only call: nothing changed");
    }
    var parameters = Fields.optionalObject(detail, "requestParameters", "detail.requestParameters");
    String resource = null;
    for (var name : RESOURCE_PARAMETERS) {
      if (parameters.get(name) instanceof String value && !value.isBlank()) {
        resource = value;
        break;
      }
    }
    return new CollectionTrigger(CollectionTrigger.Kind.API_CALL, id, source, account, region, time,
        runSource + ":" + eventName, new ChangeScope(service, null, resource), null);
  }

  private static boolean isReadOnly(String eventName) {
    return READ_ONLY_PREFIXES.stream().anyMatch(eventName::startsWith);
  }

  private static CollectionTrigger ignored(String id, String source, String account, String region,
      Instant time, String runSource, String why) {
    return new CollectionTrigger(CollectionTrigger.Kind.API_CALL, id, source, account, region, time,
        runSource, null, why);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
