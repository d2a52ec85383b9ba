package io.vigil.adapters.dynamodb;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link AuditRepository} on the Vigil table: one {@code AUDIT#<id>/META} item per audit (listed
 * on GSI1 under {@code AUDITS#<status>} by day) and a {@code PLAN/CURRENT} item holding the
 * current plan's hash, so that saving an unchanged plan is one {@code GetItem} and no write.
 * Changes to an audit are conditional on its version (optimistic locking).
 */
public final class DynamoDbAuditRepository implements AuditRepository {

  private static final Comparator<AuditPlan.PlannedAudit> BY_DATE =
      Comparator.comparing(AuditPlan.PlannedAudit::date).thenComparing(AuditPlan.PlannedAudit::id);

  private final DynamoDbTable<AuditRecordItem> audits;
  private final DynamoDbIndex<AuditRecordItem> byDate;
  private final DynamoDbTable<AuditPlanHeadItem> heads;

  public DynamoDbAuditRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    var name = new VigilTable(tableName).name();
    this.audits = enhanced.table(name, AuditRecordItem.SCHEMA);
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
      row.put("auditorEmail", Objects.toString(a.auditorEmail(), ""));
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
    var stored = new TreeMap<String, AuditRecordItem>();
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
        try {
          audits.putItem(PutItemEnhancedRequest.builder(AuditRecordItem.class)
              .item(AuditRecordItem.of(AuditRecord.planned(audit, 1)))
              .conditionExpression(absent())
              .build());
        } catch (ConditionalCheckFailedException startedMeanwhile) {
          continue; // an audit started or cancelled since it was read is left as it is
        }
        added.add(audit.id());
        continue;
      }
      var old = before.toPlanned();
      if (old.equals(audit)) {
        continue;
      }
      long version = before.getVersion() == null ? 0 : before.getVersion();
      try {
        audits.putItem(PutItemEnhancedRequest.builder(AuditRecordItem.class)
            .item(AuditRecordItem.of(AuditRecord.planned(audit, version + 1)))
            .conditionExpression(plannedAt(version))
            .build());
      } catch (ConditionalCheckFailedException startedMeanwhile) {
        continue;
      }
      if (!old.date().equals(audit.date()) || !Objects.equals(old.auditor(), audit.auditor())
          || !old.items().equals(audit.items())) {
        changed.add(audit.id());
      }
    }
    for (var id : stored.keySet()) {
      // a planned audit dated before the plan is history (missed, overdue): never deleted
      boolean past = plan.from() != null
          && LocalDate.parse(stored.get(id).getDate()).isBefore(plan.from());
      if (!planIds.contains(id) && !past) {
        try {
          audits.deleteItem(DeleteItemEnhancedRequest.builder()
              .key(Keys.key(AuditRecordItem.pk(id), Keys.META))
              .conditionExpression(plannedAt(stored.get(id).getVersion() == null ? 0
                  : stored.get(id).getVersion()))
              .build());
          removed.add(id);
        } catch (ConditionalCheckFailedException startedMeanwhile) {
          // started, cancelled or edited since it was read: never delete it
        }
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
    return listPlanned(null, null).stream().map(AuditRecordItem::toPlanned).sorted(BY_DATE)
        .toList();
  }

  @Override
  public List<AuditPlan.PlannedAudit> due(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return listPlanned(from, to).stream().map(AuditRecordItem::toPlanned).sorted(BY_DATE)
        .toList();
  }

  @Override
  public Optional<AuditPlan.PlannedAudit> find(String id) {
    return Optional.ofNullable(read(id)).filter(AuditRecordItem::isPlanned)
        .map(AuditRecordItem::toPlanned);
  }

  @Override
  public Optional<AuditRecord> record(String id) {
    return Optional.ofNullable(read(id)).map(AuditRecordItem::toRecord);
  }

  @Override
  public AuditRecord update(AuditRecord changed) {
    var stored = new AuditRecord(changed.plan(), changed.status(), changed.startedAt(),
        changed.startedBy(), changed.conclusions(), changed.completedAt(), changed.completedBy(),
        changed.summary(), changed.reportSha256(), changed.cancelledAt(), changed.cancelledBy(),
        changed.cancelReason(), changed.version() + 1);
    try {
      audits.putItem(PutItemEnhancedRequest.builder(AuditRecordItem.class)
          .item(AuditRecordItem.of(stored))
          .conditionExpression(versionIs(changed.version()))
          .build());
    } catch (ConditionalCheckFailedException e) {
      if (read(changed.id()) == null) {
        throw new NotFoundException("no audit " + changed.id());
      }
      throw new ConcurrentModificationException("audit " + changed.id() + " was changed by"
          + " someone else since version " + changed.version() + "; read it again");
    }
    return stored;
  }

  @Override
  public List<AuditRecord> records(LocalDate from, LocalDate to, Set<AuditStatus> statuses) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    var result = new ArrayList<AuditRecord>();
    for (var status : new TreeSet<>(statuses)) {
      query(AuditRecordItem.listing(status), from, to).forEach(i -> result.add(i.toRecord()));
    }
    result.sort(Comparator.comparing(AuditRecord::day).thenComparing(AuditRecord::id));
    return result;
  }

  private AuditRecordItem read(String id) {
    return audits.getItem(r -> r.key(Keys.key(AuditRecordItem.pk(id), Keys.META))
        .consistentRead(true));
  }

  /** Planned audits on GSI1, all pages; between two dates (inclusive) when given. */
  private List<AuditRecordItem> listPlanned(LocalDate from, LocalDate to) {
    return query(AuditRecordItem.listing(AuditStatus.PLANNED), from, to).stream()
        .filter(AuditRecordItem::isPlanned).toList();
  }

  /** Audits listed on GSI1 under {@code partition}, all pages; between two days when given. */
  private List<AuditRecordItem> query(String partition, LocalDate from, LocalDate to) {
    QueryConditional condition = from == null
        ? QueryConditional.keyEqualTo(k -> k.partitionValue(partition))
        : QueryConditional.sortBetween(
            k -> k.partitionValue(partition).sortValue(from + "#"),
            k -> k.partitionValue(partition).sortValue(to + "#~"));
    var result = new ArrayList<AuditRecordItem>();
    byDate.query(r -> r.queryConditional(condition))
        .forEach(page -> result.addAll(page.items()));
    return result;
  }

  private static Expression absent() {
    return Expression.builder().expression("attribute_not_exists(#pk)")
        .putExpressionName("#pk", VigilTable.PK).build();
  }

  /** Still planned and at {@code version}: the plan never overwrites an audit people acted on. */
  private static Expression plannedAt(long version) {
    return Expression.builder()
        .expression("attribute_exists(#pk) AND #v = :v AND #s = :planned")
        .putExpressionName("#pk", VigilTable.PK)
        .putExpressionName("#v", VigilTable.VERSION)
        .putExpressionName("#s", "status")
        .putExpressionValue(":v", AttributeValue.fromN(Long.toString(version)))
        .putExpressionValue(":planned", AttributeValue.fromS(AuditStatus.PLANNED.name()))
        .build();
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
