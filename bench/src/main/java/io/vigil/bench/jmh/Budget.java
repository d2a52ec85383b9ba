package io.vigil.bench.jmh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The target of a JMH benchmark: the most an operation may take, in the benchmark's
 * {@code @OutputTimeUnit}, and why — derived from what one Lambda invocation needs, never
 * arbitrary. {@link JmhSuite} reads it to judge the measured score.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Budget {

  /** The most one operation may take on average, in the benchmark's output time unit. */
  double value();

  /** Where the budget comes from (printed with the figure). */
  String why();
}
