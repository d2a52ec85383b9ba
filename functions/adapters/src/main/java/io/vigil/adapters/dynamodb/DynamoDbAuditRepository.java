package io.vigil.adapters.dynamodb;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link AuditRepository} on the Vigil table: one {@code AUDIT#<id>/META} item per audit (listed
 * on GSI1 under {@code AUDITS#PLANNED} while planned) and a {@code PLAN/CURRENT} item holding the
 * current plan's hash, so that saving an unchanged plan is one {@code GetItem} and no write.
 */
public final class DynamoDbAuditRepository implements AuditRepository {

  private static final Comparator<AuditPlan.PlannedAudit> BY_DATE =
      Comparator.comparing(AuditPlan.PlannedAudit::date).thenComparing(AuditPlan.PlannedAudit::id);

  private final DynamoDbTable<PlannedAuditItem> audits;
  private final DynamoDbIndex<PlannedAuditItem> byDate;
  private final DynamoDbTable<AuditPlanHeadItem> heads;

  public DynamoDbAuditRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    var name = new VigilTable(tableName).name();
    this.audits = enhanced.table(name, PlannedAuditItem.SCHEMA);
    this.byDate = audits.index(VigilTable.GSI1);
    this.heads = enhanced.table(name, AuditPlanHeadItem.SCHEMA);
  }

  /** SHA-256 of the canonical JSON of the plan's audits (sorted by id). */
  static String hash(AuditPlan plan) {
    var rows = new ArrayList<Map<String, Object>>();
    plan.audits().stream().sorted(Comparator.comparing(AuditPlan.PlannedAudit::id)).forEach(a -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("id", a.id());
      row.put("date", a.date().toString());
      row.put("auditor", Objects.toString(a.auditor(), ""));
      row.put("items", a.items());
      row.put("criteria", Objects.toString(a.criteria(), ""));
      row.put("scope", Objects.toString(a.scope(), ""));
      row.put("method", Objects.toString(a.method(), ""));
      rows.add(row);
    });
    return Sha256.of(CanonicalJson.write(Map.of("audits", rows))).hex();
  }

  @Override
  public PlanChanges savePlan(AuditPlan plan) {
    var hash = hash(plan);
    var head = heads.getItem(r -> r.key(Keys.key(AuditPlanHeadItem.PK, AuditPlanHeadItem.SK))
        .consistentRead(true));
    if (head != null && hash.equals(head.getPlanHash())) {
      return PlanChanges.none();
    }
    var known = new TreeSet<String>();
    if (head != null && head.getAuditIds() != null) {
      known.addAll(head.getAuditIds());
    }
    listPlanned(null, null).forEach(i -> known.add(i.getAuditId()));
    var stored = new TreeMap<String, PlannedAuditItem>();
    for (var id : known) {
      var item = read(id);
      if (item != null && item.isPlanned()) {
        stored.put(id, item);
      }
    }
    var added = new ArrayList<String>();
    var changed = new ArrayList<String>();
    var removed = new ArrayList<String>();
    var planIds = new TreeSet<String>();
    for (var audit : plan.audits()) {
      planIds.add(audit.id());
      var before = stored.get(audit.id());
      if (before == null) {
        var existing = read(audit.id());
        if (existing != null && !existing.isPlanned()) {
          continue; // cancelled stays cancelled
        }
        audits.putItem(PlannedAuditItem.planned(audit, 1));
        added.add(audit.id());
        continue;
      }
      var old = before.toPlanned();
      if (old.equals(audit)) {
        continue;
      }
      long version = before.getVersion() == null ? 0 : before.getVersion();
      audits.putItem(PutItemEnhancedRequest.builder(PlannedAuditItem.class)
          .item(PlannedAuditItem.planned(audit, version + 1))
          .conditionExpression(versionIs(version))
          .build());
      if (!old.date().equals(audit.date()) || !Objects.equals(old.auditor(), audit.auditor())
          || !old.items().equals(audit.items())) {
        changed.add(audit.id());
      }
    }
    for (var id : stored.keySet()) {
      if (!planIds.contains(id)) {
        audits.deleteItem(Keys.key(PlannedAuditItem.pk(id), Keys.META));
        removed.add(id);
      }
    }
    heads.putItem(AuditPlanHeadItem.of(hash, String.valueOf(plan.from()),
        String.valueOf(plan.to()), List.copyOf(planIds), Instant.now().toString()));
    added.sort(null);
    changed.sort(null);
    return new PlanChanges(added, changed, removed);
  }

  @Override
  public List<AuditPlan.PlannedAudit> planned() {
    return listPlanned(null, null).stream().map(PlannedAuditItem::toPlanned).sorted(BY_DATE)
        .toList();
  }

  @Override
  public List<AuditPlan.PlannedAudit> due(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return listPlanned(from, to).stream().map(PlannedAuditItem::toPlanned).sorted(BY_DATE)
        .toList();
  }

  @Override
  public Optional<AuditPlan.PlannedAudit> find(String id) {
    return Optional.ofNullable(read(id)).filter(PlannedAuditItem::isPlanned)
        .map(PlannedAuditItem::toPlanned);
  }

  @Override
  public void cancel(String id) {
    var item = read(id);
    if (item == null || !item.isPlanned()) {
      throw new NoSuchElementException("no planned audit " + id);
    }
    long version = item.getVersion() == null ? 0 : item.getVersion();
    try {
      audits.putItem(PutItemEnhancedRequest.builder(PlannedAuditItem.class)
          .item(item.cancelled())
          .conditionExpression(versionIs(version))
          .build());
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("audit " + id + " changed while being cancelled; try again",
          e);
    }
  }

  private PlannedAuditItem read(String id) {
    return audits.getItem(r -> r.key(Keys.key(PlannedAuditItem.pk(id), Keys.META))
        .consistentRead(true));
  }

  /** Planned audits on GSI1, all pages; between two dates (inclusive) when given. */
  private List<PlannedAuditItem> listPlanned(LocalDate from, LocalDate to) {
    QueryConditional condition = from == null
        ? QueryConditional.keyEqualTo(k -> k.partitionValue(PlannedAuditItem.AUDITS_PLANNED))
        : QueryConditional.sortBetween(
            k -> k.partitionValue(PlannedAuditItem.AUDITS_PLANNED).sortValue(from + "#"),
            k -> k.partitionValue(PlannedAuditItem.AUDITS_PLANNED).sortValue(to + "#~"));
    var result = new ArrayList<PlannedAuditItem>();
    byDate.query(r -> r.queryConditional(condition))
        .forEach(page -> page.items().stream().filter(PlannedAuditItem::isPlanned)
            .forEach(result::add));
    return result;
  }

  private static Expression versionIs(long version) {
    return Expression.builder()
        .expression("attribute_exists(#pk) AND #v = :v")
        .putExpressionName("#pk", VigilTable.PK)
        .putExpressionName("#v", VigilTable.VERSION)
        .putExpressionValue(":v", AttributeValue.fromN(Long.toString(version)))
        .build();
  }
}
