package io.vigil.functions.collectevidence;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.evidence.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What deliveries left behind, for comparing them: every item of a Vigil table, every object of
 * its evidence bucket with its bytes, and the messages that arrived on a fan-out queue and on the
 * queue observing the Vigil bus since the last capture (those queues are drained).
 *
 * <p>{@link #normalised()} blanks the values that legitimately differ between two invocations
 * that do the same work — each named, with the reason, in {@link #PER_INVOCATION_ATTRIBUTES} — so that the
 * state after one delivery can be compared with the state another store got from other
 * invocations. Everything not named there is compared as it is.
 *
 * @param items each item as attribute → rendered value (type-tagged, maps sorted), sorted by key
 * @param objects object key → its bytes: as text when they are UTF-8 (evidence and manifests are
 *     canonical JSON), else {@code base64:} and their Base64
 * @param messages bodies of the unit messages received on the fan-out queue, sorted
 * @param events the bus events received, each {@code {detail-type, detail}}, sorted
 */
record StoredState(List<SortedMap<String, String>> items, SortedMap<String, String> objects,
    List<String> messages, List<Map<String, Object>> events) {

  /** Placeholder of a per-invocation value. */
  static final String PER_INVOCATION = "<per-invocation>";

  private static final JsonMapper JSON = JsonMapper.createDefault();
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
  private static final String MANIFEST_KIND = "vigil.run-manifest";

  /**
   * Per item type, the attributes whose values depend on the invocation rather than on the event
   * and the estate. Times: every write takes "now" from the clock of the invocation that makes it
   * (a unit's start time is its results' {@code observedAt}, which the finding lifecycle and the
   * manifest copy). Hashes: a ledger entry hashes its manifest, which lists those times, and its
   * own {@code recordedAt}. History sort keys: {@code EVENT#<at>#<sequence>}, the sequence a
   * per-process counter. Key attributes (GSI sort keys) that embed a time keep their other parts:
   * only the instant (or the due date) in them is blanked.
   */
  private static final Map<String, Set<String>> PER_INVOCATION_ATTRIBUTES = Map.of(
      // claimed and completed "now"; GSI1SK = startedAt#runId. (findingsOpened and
      // evidenceObjects are compared: only one invocation at a time holds a run's claim.)
      "Run", Set.of("startedAt", "completedAt", "GSI1SK"),
      // observedAt = the unit's start
      "Result", Set.of("observedAt"),
      "LatestResult", Set.of("observedAt"),
      // raisedAt = the failing result's observedAt; GSI2SK = FINDING#raisedAt#id, GSI3SK =
      // raisedAt#...; dueDate is raisedAt's date plus the policy's period: kept as that period;
      // GSI1SK = dueDate#id
      "Finding", Set.of("raisedAt", "GSI2SK", "GSI3SK", "dueDate", "GSI1SK"),
      "FindingEvent", Set.of("at", "SK"),
      "FindingEvidence", Set.of("lastSeenAt"),
      "OpenFindingLock", Set.of("lockedAt"),
      // collectedAt = the unit's start; recordedAt = the append's "now"; the hashes cover them
      "LedgerEntry", Set.of("collectedAt", "recordedAt", "manifestHash", "entryHash",
          "previousHash"),
      "LedgerHead", Set.of("collectedAt", "recordedAt", "manifestHash", "entryHash",
          "previousHash"),
      "LedgerUnit", Set.of("entryHash"));

  /** Reads the table and bucket and drains the queues (either may be null: none). */
  static StoredState capture(AwsClientFactory clients, String region, String table, String bucket,
      String fanOutQueueUrl, String busQueueUrl) {
    var r = Region.of(region);
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, r);
    var items = new ArrayList<SortedMap<String, String>>();
    dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
        .items().forEach(item -> {
          var rendered = new TreeMap<String, String>();
          item.forEach((name, value) -> rendered.put(name, render(value)));
          items.add(rendered);
        });
    items.sort(ITEM_ORDER);
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), r);
    var objects = new TreeMap<String, String>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> objects.put(o.key(),
        bytes(s3.getObjectAsBytes(g -> g.bucket(bucket).key(o.key())).asByteArray())));
    var sqs = clients.client(SqsClient.class, SqsClient::builder, r);
    var messages = fanOutQueueUrl == null ? List.<String>of() : drain(sqs, fanOutQueueUrl);
    var events = new ArrayList<Map<String, Object>>();
    for (var body : busQueueUrl == null ? List.<String>of() : drain(sqs, busQueueUrl)) {
      // the envelope's id and time are EventBridge's own; the event is its type and detail
      var envelope = json(body);
      var event = new LinkedHashMap<String, Object>();
      event.put("detail-type", envelope.get("detail-type"));
      event.put("detail", envelope.get("detail"));
      events.add(event);
    }
    events.sort(Comparator.comparing(StoredState::canonical));
    return new StoredState(List.copyOf(items), objects, messages.stream().sorted().toList(),
        List.copyOf(events));
  }

  private static final Comparator<Map<String, String>> ITEM_ORDER = Comparator
      .comparing((Map<String, String> i) -> i.get("PK"))
      .thenComparing(i -> i.get("SK"))
      .thenComparing(StoredState::canonical);

  /** The bytes as text if they are UTF-8 (exactly: decoding and encoding gives them back). */
  private static String bytes(byte[] content) {
    var text = new String(content, StandardCharsets.UTF_8);
    return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content) ? text
        : "base64:" + Base64.getEncoder().encodeToString(content);
  }

  /** Receives and deletes every message now on the queue. */
  private static List<String> drain(SqsClient sqs, String queueUrl) {
    var bodies = new ArrayList<String>();
    while (true) {
      var received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (received.isEmpty()) {
        return bodies;
      }
      for (var m : received) {
        bodies.add(m.body());
        sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  /** The state with every per-invocation value blanked (see {@link #PER_INVOCATION_ATTRIBUTES}). */
  StoredState normalised() {
    var normalItems = new ArrayList<SortedMap<String, String>>();
    for (var item : items) {
      var type = item.get("type");
      var blank = type == null ? Set.<String>of()
          : PER_INVOCATION_ATTRIBUTES.getOrDefault(type.substring(2), Set.of());
      var copy = new TreeMap<String, String>();
      item.forEach((name, value) -> copy.put(name, blank.contains(name)
          ? blanked(name, value, item) : value));
      normalItems.add(copy);
    }
    normalItems.sort(ITEM_ORDER);
    // manifests are stored under their own hash and list per-invocation times; evidence
    // documents hold no time and keep key and bytes. Two manifests of one unit (see
    // manifestsPerUnit: a crash between storing a manifest and appending its ledger entry leaves
    // one unreferenced) collapse into one here if they list the same results.
    var normalObjects = new TreeMap<String, String>();
    for (var e : objects.entrySet()) {
      if (!isManifest(e.getValue())) {
        normalObjects.put(e.getKey(), e.getValue());
        continue;
      }
      var doc = json(e.getValue());
      var key = "manifest of unit " + doc.get("unitId");
      var content = canonical(blankManifestTimes(doc));
      var before = normalObjects.put(key, content);
      if (before != null && !before.equals(content)) {
        throw new AssertionError("two manifests of one unit list different results:\n" + before
            + "\n" + content);
      }
    }
    var normalEvents = new ArrayList<Map<String, Object>>();
    for (var event : events) {
      @SuppressWarnings("unchecked")
      var detail = new TreeMap<>((Map<String, Object>) event.get("detail"));
      // Run Completed: the invocation's start and end
      detail.computeIfPresent("startedAt", (k, v) -> PER_INVOCATION);
      detail.computeIfPresent("completedAt", (k, v) -> PER_INVOCATION);
      // Finding Opened: raisedAt's date plus the policy period (the finding item keeps it)
      detail.computeIfPresent("dueDate", (k, v) -> PER_INVOCATION);
      var copy = new LinkedHashMap<String, Object>();
      copy.put("detail-type", event.get("detail-type"));
      copy.put("detail", detail);
      normalEvents.add(copy);
    }
    normalEvents.sort(Comparator.comparing(StoredState::canonical));
    return new StoredState(List.copyOf(normalItems), normalObjects, messages,
        List.copyOf(normalEvents));
  }

  /** How many manifest objects the bucket holds per unit id. */
  SortedMap<String, Integer> manifestsPerUnit() {
    var out = new TreeMap<String, Integer>();
    objects.values().stream().filter(StoredState::isManifest).map(StoredState::json)
        .forEach(doc -> out.merge(String.valueOf(doc.get("unitId")), 1, Integer::sum));
    return out;
  }

  /** A run manifest (canonical JSON of kind {@value #MANIFEST_KIND}), not an evidence document. */
  private static boolean isManifest(String content) {
    return content.startsWith("{") && MANIFEST_KIND.equals(json(content).get("kind"));
  }

  /** The events of one detail-type. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> details(String detailType) {
    return events.stream().filter(e -> detailType.equals(e.get("detail-type")))
        .map(e -> (Map<String, Object>) e.get("detail")).toList();
  }

  /** The items of one type. */
  List<SortedMap<String, String>> itemsOfType(String type) {
    return items.stream().filter(i -> ("S:" + type).equals(i.get("type"))).toList();
  }

  private static String blanked(String name, String value, Map<String, String> item) {
    if (name.equals("dueDate") && item.containsKey("raisedAt")) {
      // the policy's period, which does not depend on the day of the delivery
      var raised = Instant.parse(item.get("raisedAt").substring(2)).atOffset(ZoneOffset.UTC)
          .toLocalDate();
      return "S:raisedAt+" + ChronoUnit.DAYS.between(raised, LocalDate.parse(value.substring(2)))
          + "d";
    }
    if (name.equals("GSI1SK") && item.containsKey("dueDate")) {
      return value.replace(item.get("dueDate").substring(2), "<dueDate>");
    }
    if (name.equals("SK") && value.startsWith("S:EVENT#")) {
      return "S:EVENT#" + PER_INVOCATION;
    }
    if (INSTANT.matcher(value).find() && !name.equals("at") && !name.endsWith("At")) {
      return INSTANT.matcher(value).replaceAll(PER_INVOCATION);
    }
    return PER_INVOCATION;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> blankManifestTimes(Map<String, Object> manifest) {
    var copy = new TreeMap<>(manifest);
    copy.put("collectedAt", PER_INVOCATION);
    var results = new ArrayList<Object>();
    for (var r : (List<Object>) manifest.get("results")) {
      var result = new TreeMap<>((Map<String, Object>) r);
      result.put("observedAt", PER_INVOCATION);
      results.add(result);
    }
    copy.put("results", results);
    return copy;
  }

  private static Map<String, Object> json(String text) {
    try {
      return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** JSON-ish text with maps sorted by key, so equal values render equally. */
  static String canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return sorted.entrySet().stream()
          .map(e -> e.getKey() + "=" + canonical(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(StoredState::canonical).collect(Collectors.joining(",", "[", "]"));
    }
    return String.valueOf(value);
  }

  /** An attribute value with its type, maps sorted by key. */
  private static String render(AttributeValue v) {
    if (v.s() != null) {
      return "S:" + v.s();
    }
    if (v.n() != null) {
      return "N:" + v.n();
    }
    if (v.bool() != null) {
      return "BOOL:" + v.bool();
    }
    if (Boolean.TRUE.equals(v.nul())) {
      return "NULL";
    }
    if (v.b() != null) {
      return "B:" + Sha256.of(v.b().asByteArray()).hex();
    }
    if (v.hasSs()) {
      return "SS:" + v.ss().stream().sorted().toList();
    }
    if (v.hasNs()) {
      return "NS:" + v.ns().stream().sorted().toList();
    }
    if (v.hasL()) {
      return "L:" + v.l().stream().map(StoredState::render).toList();
    }
    if (v.hasM()) {
      var m = new TreeMap<String, String>();
      v.m().forEach((k, x) -> m.put(k, render(x)));
      return "M:" + m;
    }
    throw new IllegalArgumentException("unexpected attribute value " + v);
  }

  /** Human-readable, for a failing comparison's output. */
  String dump() {
    var out = new StringBuilder();
    items.forEach(i -> out.append("  item ").append(i).append('\n'));
    objects.forEach((k, v) -> out.append("  object ").append(k).append(' ')
        .append(v.length() > 200 ? v.substring(0, 200) + "..." : v).append('\n'));
    messages.forEach(m -> out.append("  message ").append(m).append('\n'));
    events.forEach(e -> out.append("  event ").append(canonical(e)).append('\n'));
    return out.toString();
  }

  /** Counts per value, for comparing multiplicities. */
  static <T> Map<T, Integer> counts(List<T> values) {
    var out = new HashMap<T, Integer>();
    values.forEach(v -> out.merge(v, 1, Integer::sum));
    return out;
  }
}
