package io.vigil.functions.summarizeperformance;

import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.DynamoDbClosedFindings;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.dynamodb.DynamoDbMeasureRepository;
import io.vigil.adapters.dynamodb.DynamoDbRegisterRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.performance.EvidenceStats;
import io.vigil.domain.performance.LatestResultsEvidenceStats;
import io.vigil.domain.performance.MeasureRepository;
import io.vigil.domain.performance.PerformanceEvaluator;
import io.vigil.domain.performance.ReportBuilder;
import io.vigil.domain.register.LiveKpis;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.domain.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Vigil's records as the performance evaluation reads them, on the Vigil table: latest results
 * (one Query per check of the catalogue), findings with their actions, closed findings by month,
 * audits, registers and the stored measure results, wired into a {@link ReportBuilder}. Used by
 * the function and by {@code vigil report} alike.
 */
public final class PerformanceRecords {

  private final ResultRepository results;
  private final FindingRepository findings;
  private final AuditRepository audits;
  private final RegisterRepository registers;
  private final CheckIndex checks;
  private final RecordingEvidenceStats evidence;
  private final ReportBuilder builder;

  private PerformanceRecords(ResultRepository results, FindingRepository findings,
      AuditRepository audits, RegisterRepository registers, CheckIndex checks,
      RecordingEvidenceStats evidence, ReportBuilder builder) {
    this.results = results;
    this.findings = findings;
    this.audits = audits;
    this.registers = registers;
    this.checks = checks;
    this.evidence = evidence;
    this.builder = builder;
  }

  /**
   * The records in table {@code tableName}, measured at {@code clock}'s time; measuring stores
   * the period's results (the scheduled function).
   */
  public static PerformanceRecords on(DynamoDbEnhancedClient enhanced, String tableName,
      Clock clock) {
    return on(enhanced, tableName, clock, true);
  }

  /**
   * The records in table {@code tableName}, read only: measuring keeps the period's results in
   * memory (they show in the report's trends) and writes nothing ({@code vigil report}).
   */
  public static PerformanceRecords readOnly(DynamoDbEnhancedClient enhanced, String tableName,
      Clock clock) {
    return on(enhanced, tableName, clock, false);
  }

  private static PerformanceRecords on(DynamoDbEnhancedClient enhanced, String tableName,
      Clock clock, boolean saveMeasures) {
    Objects.requireNonNull(enhanced, "enhanced");
    Objects.requireNonNull(clock, "clock");
    var checks = CheckIndex.bundled();
    var results = new DynamoDbResultRepository(enhanced, tableName);
    var findings = new DynamoDbFindingRepository(enhanced, tableName, clock);
    var audits = new DynamoDbAuditRepository(enhanced, tableName);
    var registers = new DynamoDbRegisterRepository(enhanced, tableName);
    var evidence = new RecordingEvidenceStats(new LatestResultsEvidenceStats(results, checks));
    var evaluator = new PerformanceEvaluator(evidence, checks, findings,
        new DynamoDbClosedFindings(enhanced, tableName), audits, registers,
        new LiveKpis(results, checks, findings, registers), clock);
    MeasureRepository measures = new DynamoDbMeasureRepository(enhanced, tableName);
    if (!saveMeasures) {
      measures = new UnsavedMeasures(measures);
    }
    var builder = new ReportBuilder(evaluator, measures, registers, audits, findings, clock);
    return new PerformanceRecords(results, findings, audits, registers, checks, evidence,
        builder);
  }

  public ReportBuilder builder() {
    return builder;
  }

  public ResultRepository results() {
    return results;
  }

  public FindingRepository findings() {
    return findings;
  }

  public AuditRepository audits() {
    return audits;
  }

  public RegisterRepository registers() {
    return registers;
  }

  public CheckIndex checks() {
    return checks;
  }

  /** The latest results' counts the last measurement read, if one has run. */
  public Optional<List<EvidenceStats.CheckCount>> lastEvidenceCounts() {
    return evidence.last();
  }

  /** The controls passing and failing by the counts the last measurement read. */
  public ControlCounts controlCounts() {
    return ControlCounts.of(evidence.last().orElseGet(evidence::latestCounts), checks);
  }
}
