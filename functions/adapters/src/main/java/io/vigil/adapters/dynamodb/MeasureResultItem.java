package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.TableItem;
import io.vigil.adapters.dynamodb.internal.Times;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code PK=MEASURE#<measure id>, SK=<PERIOD KIND>#<period id>} (e.g. {@code MEASURE#control-pass-rate},
 * {@code MONTH#2026-11}), type {@code MeasureResult}: the result of one measure (clause 9.1) for
 * one period. {@code value} is a number, absent when the source had no data; {@code breakdown} a
 * map of numbers, with {@code breakdownKeys} keeping its order; {@code note}, {@code measuredAt}.
 * Period ids of one kind have a fixed width, so sort key order is period order.
 */
final class MeasureResultItem extends TableItem {

  static final String TYPE = "MeasureResult";
  static final String PREFIX = "MEASURE#";

  static final StaticTableSchema<MeasureResultItem> SCHEMA =
      StaticTableSchema.builder(MeasureResultItem.class)
          .newItemSupplier(MeasureResultItem::new)
          .extend(TableItem.SCHEMA)
          .addAttribute(String.class, a -> a.name("measure")
              .getter(MeasureResultItem::getMeasure).setter(MeasureResultItem::setMeasure))
          .addAttribute(String.class, a -> a.name("period")
              .getter(MeasureResultItem::getPeriod).setter(MeasureResultItem::setPeriod))
          .addAttribute(Double.class, a -> a.name("value")
              .getter(MeasureResultItem::getValue).setter(MeasureResultItem::setValue))
          .addAttribute(EnhancedType.mapOf(String.class, Double.class), a -> a.name("breakdown")
              .getter(MeasureResultItem::getBreakdown).setter(MeasureResultItem::setBreakdown))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("breakdownKeys")
              .getter(MeasureResultItem::getBreakdownKeys)
              .setter(MeasureResultItem::setBreakdownKeys))
          .addAttribute(String.class, a -> a.name("note")
              .getter(MeasureResultItem::getNote).setter(MeasureResultItem::setNote))
          .addAttribute(String.class, a -> a.name("measuredAt")
              .getter(MeasureResultItem::getMeasuredAt).setter(MeasureResultItem::setMeasuredAt))
          .build();

  private String measure;
  private String period;
  private Double value;
  private Map<String, Double> breakdown;
  private List<String> breakdownKeys;
  private String note;
  private String measuredAt;

  /** Partition of one measure's results. */
  static String partition(Measure measure) {
    return PREFIX + measure.id();
  }

  /** Sort key of a period: {@code MONTH#2026-11}, {@code QUARTER#2026-Q4}, {@code WEEK#2026-W48}. */
  static String sortKey(Period period) {
    return period.kind().name() + "#" + period.id();
  }

  /**
   * The item of {@code r}.
   *
   * @throws IllegalArgumentException if its period is not a period id, or a number is not finite
   *     (DynamoDB numbers are)
   */
  static MeasureResultItem from(MeasureResult r) {
    var period = Period.parse(r.period());
    var item = new MeasureResultItem();
    item.key(TYPE, partition(r.measure()), sortKey(period));
    item.measure = r.measure().id();
    item.period = period.id();
    item.value = finite(r.value(), r, "value");
    var map = new LinkedHashMap<String, Double>();
    r.breakdown().forEach((k, v) -> map.put(k, finite(v, r, "breakdown '" + k + "'")));
    item.breakdown = map;
    item.breakdownKeys = List.copyOf(map.keySet());
    item.note = r.note().isEmpty() ? null : r.note();
    item.measuredAt = Times.format(r.measuredAt());
    return item;
  }

  private static Double finite(Double v, MeasureResult r, String what) {
    if (v != null && (v.isNaN() || v.isInfinite())) {
      throw new IllegalArgumentException("measure " + r.measure().id() + " of " + r.period()
          + ": " + what + " is " + v + "; only finite numbers can be stored");
    }
    return v;
  }

  MeasureResult toDomain() {
    var ordered = new LinkedHashMap<String, Double>();
    var stored = breakdown == null ? Map.<String, Double>of() : breakdown;
    if (breakdownKeys != null) {
      breakdownKeys.stream().filter(stored::containsKey).forEach(k -> ordered.put(k, stored.get(k)));
    }
    stored.forEach(ordered::putIfAbsent);
    return new MeasureResult(measureOf(measure), period, value, ordered, note,
        Times.parseInstant(measuredAt));
  }

  private static Measure measureOf(String id) {
    return Measure.valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public String getMeasure() {
    return measure;
  }

  public void setMeasure(String measure) {
    this.measure = measure;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public Map<String, Double> getBreakdown() {
    return breakdown;
  }

  public void setBreakdown(Map<String, Double> breakdown) {
    this.breakdown = breakdown;
  }

  public List<String> getBreakdownKeys() {
    return breakdownKeys;
  }

  public void setBreakdownKeys(List<String> breakdownKeys) {
    this.breakdownKeys = breakdownKeys;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getMeasuredAt() {
    return measuredAt;
  }

  public void setMeasuredAt(String measuredAt) {
    this.measuredAt = measuredAt;
  }
}
