/**
 * The summarize-performance function: the weekly performance summary (clause 9.1) and the
 * management review pack (9.3), measured from Vigil's records, stored as HTML, PDF and Markdown in
 * the evidence bucket with a manifest in the evidence vault, announced with {@code Summary Ready}.
 * {@link io.vigil.functions.summarizeperformance.SummarizePerformanceHandler} is the Lambda entry
 * point; {@link io.vigil.functions.summarizeperformance.SummarizePerformanceFactory} wires the
 * adapters; {@link io.vigil.functions.summarizeperformance.PerformanceSummaries} is the work;
 * {@link io.vigil.functions.summarizeperformance.PerformanceRecords} and
 * {@link io.vigil.functions.summarizeperformance.ReportFormat} are shared with {@code vigil report}.
 */
package io.vigil.functions.summarizeperformance;
