/**
 * The benchmark of issue 3: seeds a synthetic estate in moto, runs collection twice (a first run and
 * an unchanged second run) and reports wall time, throughput, AWS requests by service and operation,
 * where CPU time goes (JFR) and peak heap. Not part of the build; run it with {@code bash bench/run.sh}.
 */
package io.vigil.bench;
