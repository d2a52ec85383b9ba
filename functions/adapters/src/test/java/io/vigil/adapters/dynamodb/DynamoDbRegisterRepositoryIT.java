package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.RegisterRepositoryContract;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link DynamoDbRegisterRepository} against the emulator: the contract (each test on a table of
 * its own, Query pages of two items so that listings and histories span pages), the item layout
 * of {@code docs/data-model.md}, and the size limit.
 */
@WithAwsEmulator
class DynamoDbRegisterRepositoryIT extends RegisterRepositoryContract {

  private static Emulated aws;
  private String table;

  @BeforeAll
  static void connect(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected RegisterRepository repository() {
    table = Emulated.uniqueName("registers");
    new VigilTable(table).createIfAbsent(aws.dynamo());
    return new DynamoDbRegisterRepository(aws.enhanced(), table, 2);
  }

  @Test
  void itemsAreLaidOutAsTheDataModelSays() {
    var risk = risk("R-1");
    repo.create(risk, created(risk, T0));
    repo.saveSoaVersion(soa(7, "{\"kind\":\"vigil.statement-of-applicability\"}"));
    repo.markNotified("policy-review#POL-1", LocalDate.of(2027, 3, 1));

    var partition = partition("REGISTER#RISK");
    assertEquals(2, partition.size(), "the record and its history item: " + partition);
    var record = partition.get(1);
    assertEquals("RECORD#R-1", s(record, "SK"));
    assertEquals("RegisterRecord", s(record, "type"));
    assertEquals("RISK", s(record, "kind"));
    assertEquals("R-1", s(record, "recordId"));
    assertEquals(CanonicalJson.write(canonicalNumbers(risk.fields())), s(record, "fields"));
    assertTrue(s(record, "fields").startsWith("{\"actions\":[{\"description\":"),
        "sorted keys: " + s(record, "fields"));
    assertEquals(CanonicalJson.write(risk.system()), s(record, "system"));
    assertEquals("2026-11-28T06:00:00.123456789Z", s(record, "createdAt"));
    assertEquals(MANAGER, s(record, "createdBy"));
    assertEquals("2026-11-28T06:00:00.123456789Z", s(record, "updatedAt"));
    assertEquals("1", record.get("version").n());
    var event = partition.get(0);
    assertTrue(s(event, "SK").matches("EVENT#R-1#2026-11-28T06:00:00\\.123456789Z#[0-9a-f]{16}"),
        s(event, "SK"));
    assertEquals("RegisterEvent", s(event, "type"));
    assertEquals("RISK", s(event, "register"));
    assertEquals("R-1", s(event, "recordId"));
    assertEquals("CREATED", s(event, "kind"));
    assertEquals(MANAGER, s(event, "actor"));
    assertEquals(List.copyOf(risk.fields().keySet()), event.get("fieldsChanged").l().stream()
        .map(AttributeValue::s).toList());
    assertEquals("1", event.get("version").n());

    var soa = partition("SOA");
    assertEquals(1, soa.size());
    assertEquals("VERSION#0000000007", s(soa.get(0), "SK"));
    assertEquals("SoaVersion", s(soa.get(0), "type"));
    assertEquals("7", soa.get(0).get("number").n());
    assertEquals("2026-11-28T06:00:07.123456789Z", s(soa.get(0), "approvedAt"));
    assertEquals("{\"kind\":\"vigil.statement-of-applicability\"}", s(soa.get(0), "json"));

    var notice = partition("NOTICE#policy-review#POL-1");
    assertEquals(1, notice.size());
    assertEquals("2027-03-01", s(notice.get(0), "SK"));
    assertEquals("Notice", s(notice.get(0), "type"));
    assertEquals(String.valueOf(Instant.parse("2027-05-30T00:00:00Z").getEpochSecond()),
        notice.get(0).get("expiresAt").n(), "TTL: 90 days after the day");
  }

  @Test
  void aStaleUpdateLeavesEveryItemAsItWas() {
    var r = risk("R-1");
    repo.create(r, created(r, T0));
    repo.update(with(r, "impact", 1L, MANAGER, T0.plusSeconds(1)),
        edited(T0.plusSeconds(1), MANAGER, 2, "impact"));
    var before = partition("REGISTER#RISK");

    assertThrows(ConcurrentModificationException.class, () -> repo.update(
        with(r, "impact", 2L, "late@acme.example", T0.plusSeconds(2)),
        edited(T0.plusSeconds(2), "late@acme.example", 2, "impact")));

    assertEquals(before, partition("REGISTER#RISK"));
  }

  @Test
  void aRecordTooLargeForAnItem_isRefusedClearly_andNothingIsWritten() {
    var requirements = new ArrayList<String>();
    for (int i = 0; i < 400; i++) {
      requirements.add(i + " " + "x".repeat(1000));
    }
    var fields = new LinkedHashMap<String, Object>();
    fields.put("name", "Regulator");
    fields.put("requirements", requirements);
    var big = new RegisterRecord(RegisterKind.INTERESTED_PARTY, "IP-1",
        RegisterKind.INTERESTED_PARTY.schema().normalise(fields), Map.of(), T0, MANAGER, T0,
        MANAGER, 1);

    var e = assertThrows(IllegalArgumentException.class, () -> repo.create(big,
        created(big, T0)));

    assertTrue(e.getMessage().contains("interested-parties record IP-1 is too large"),
        e.getMessage());
    assertTrue(e.getMessage().contains("350 KB"), e.getMessage());
    assertEquals(Optional.empty(), repo.find(RegisterKind.INTERESTED_PARTY, "IP-1"));
    assertEquals(List.of(), partition("REGISTER#INTERESTED_PARTY"));

    // an edit that grows a stored record past the limit is refused the same way
    fields.put("requirements", requirements.subList(0, 10));
    var small = big.with(RegisterKind.INTERESTED_PARTY.schema().normalise(fields), Map.of());
    repo.create(small, created(small, T0));
    var grown = small.with(small.fields(), Map.of("attachments", Collections.nCopies(400,
        Map.of("reference", "y".repeat(1000)))));
    assertThrows(IllegalArgumentException.class, () -> repo.update(grown,
        edited(T0.plusSeconds(1), MANAGER, 2, "attachments")));
    assertEquals(Optional.of(small), repo.find(RegisterKind.INTERESTED_PARTY, "IP-1"));
    assertEquals(1, repo.history(RegisterKind.INTERESTED_PARTY, "IP-1").size());
  }

  @Test
  void aLargeSoaVersion_isRefusedClearly() {
    var json = "{\"kind\":\"vigil.statement-of-applicability\",\"text\":\""
        + "z".repeat(360 * 1024) + "\"}";

    var e = assertThrows(IllegalArgumentException.class, () -> repo.saveSoaVersion(soa(1,
        json)));

    assertTrue(e.getMessage().contains("SoA version 1 is too large"), e.getMessage());
    assertEquals(Optional.empty(), repo.latestSoaVersion());
  }

  /** Every item of a partition, in key order (a Query: this is what the repository reads). */
  private List<Map<String, AttributeValue>> partition(String pk) {
    var out = new ArrayList<Map<String, AttributeValue>>();
    aws.dynamo().queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
            .keyConditionExpression("PK = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).build())
        .items().forEach(i -> out.add(new TreeMap<>(i)));
    return out;
  }

  private static String s(Map<String, AttributeValue> item, String name) {
    var v = item.get(name);
    return v == null ? null : v.s();
  }

  /** The record values as the store writes them: doubles as their shortest decimal. */
  @SuppressWarnings("unchecked")
  private static Object canonicalNumbers(Object value) {
    if (value instanceof Double d) {
      return java.math.BigDecimal.valueOf(d);
    }
    if (value instanceof Map<?, ?> m) {
      var out = new LinkedHashMap<String, Object>();
      ((Map<String, Object>) m).forEach((k, v) -> out.put(k, canonicalNumbers(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(DynamoDbRegisterRepositoryIT::canonicalNumbers).toList();
    }
    return value;
  }
}
