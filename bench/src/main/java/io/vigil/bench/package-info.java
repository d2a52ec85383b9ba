/**
 * The benchmark suite of issue 10, run by {@code ./bench/run [--quick]} and never by
 * {@code ./mvnw verify}: JMH benchmarks of the hot paths ({@code io.vigil.bench.jmh}); collection
 * of a synthetic estate in moto, a first and an unchanged second run, with wall time, throughput,
 * AWS requests and estimated DynamoDB request units by operation, where CPU time goes (JFR), heap,
 * and the monthly cost of hourly runs ({@link io.vigil.bench.Bench}); the management review pack
 * at scale ({@link io.vigil.bench.PackBench}); and the size of the Lambda packages. Every part
 * writes its figures to {@code bench/results/<part>.json} ({@link io.vigil.bench.ResultsJson}),
 * and {@link io.vigil.bench.Suite} merges them into {@code bench/results/latest.json}.
 */
package io.vigil.bench;
