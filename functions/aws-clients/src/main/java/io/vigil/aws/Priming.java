package io.vigil.aws;

import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart (CRaC) priming of a Lambda handler: before Lambda takes the snapshot of an initialised
 * function, the handler runs a warm-up so that the classes, SDK endpoint rules, serializers and
 * connection code its first real request needs are already loaded and compiled in the snapshot.
 *
 * <p>Rules every warm-up follows (checked by each function's priming test):
 *
 * <ul>
 *   <li>only <em>harmless reads</em> of Vigil's own resources (e.g. a {@code GetItem} of a key
 *       that never exists in Vigil's table) — never a customer account, never a write, never
 *       {@code sts:AssumeRole};
 *   <li>nothing that must be fresh per execution environment is captured: run ids and clocks are
 *       obtained on each invocation, after restore; the role credentials a warm-up's call resolves
 *       are dropped and resolved again after restore ({@link RestoredCredentials}); secret values
 *       are not read;
 *   <li>a failing warm-up is logged and ignored: the snapshot is then just less warm.
 * </ul>
 *
 * <p>Where the JVM has no CRaC (local runs, tests) registration is a no-op; {@link #prime()} can
 * be called directly.
 */
public final class Priming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

  private final String name;
  private final Runnable warmUp;

  private Priming(String name, Runnable warmUp) {
    this.name = Objects.requireNonNull(name);
    this.warmUp = Objects.requireNonNull(warmUp);
  }

  /**
   * Registers {@code warmUp} to run before a checkpoint. The caller keeps the returned object in a
   * field: the CRaC context may hold resources only weakly.
   */
  public static Priming register(String name, Runnable warmUp) {
    var priming = new Priming(name, warmUp);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** Runs the warm-up now; returns false (and logs why) if it failed. */
  public boolean prime() {
    long start = System.nanoTime();
    try {
      warmUp.run();
      LOG.info("primed {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("priming {} failed, the snapshot is less warm: {}", name, e.toString());
      return false;
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing cached before the checkpoint needs refreshing: see the class comment.
  }
}
