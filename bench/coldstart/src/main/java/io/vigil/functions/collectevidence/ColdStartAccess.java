package io.vigil.functions.collectevidence;

import io.vigil.domain.collection.CollectionService;

/**
 * Access for the cold-start baseline ({@code bench/coldstart}) to the package-private factory
 * methods of {@link CollectionResponse}, so that the baseline answers the same JSON as the
 * function. No logic of its own.
 */
public final class ColdStartAccess {

  private ColdStartAccess() {}

  /** {@link CollectionResponse#of}. */
  public static CollectionResponse response(CollectionService.RunOutcome outcome) {
    return CollectionResponse.of(outcome);
  }

  /** {@link CollectionResponse#ignored(CollectionTrigger)}. */
  public static CollectionResponse ignored(CollectionTrigger trigger) {
    return CollectionResponse.ignored(trigger);
  }

  /** {@link CollectionResponse#ignored(CollectionTrigger, String)}. */
  public static CollectionResponse ignored(CollectionTrigger trigger, String why) {
    return CollectionResponse.ignored(trigger, why);
  }
}
