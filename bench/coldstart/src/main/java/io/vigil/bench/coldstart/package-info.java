/**
 * The cold-start comparison of issue 10: each function's shaded jar against a plain-Java baseline
 * handler doing the same AWS calls from the same jar, whole-process JVM start to first response,
 * under the default flags and the flags we would ship. The parent ({@link
 * io.vigil.bench.coldstart.ColdStart}) starts moto_server and one child JVM per measurement
 * ({@link io.vigil.bench.coldstart.Launcher}). Not part of the build; run it with
 * {@code bench/coldstart/run}.
 */
package io.vigil.bench.coldstart;
