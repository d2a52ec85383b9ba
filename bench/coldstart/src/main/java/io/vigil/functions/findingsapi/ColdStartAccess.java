package io.vigil.functions.findingsapi;

/**
 * Access for the cold-start baseline ({@code bench/coldstart}) to the package-private composition
 * method of {@link FindingsApiFactory}: the baseline builds exactly the object graph the function
 * builds, by calling the same plain-Java method without a Micronaut context. No logic of its own.
 */
public final class ColdStartAccess {

  private ColdStartAccess() {}

  /** {@link FindingsApiFactory#components(FindingsApiSettings)}. */
  public static FindingsApiComponents components(FindingsApiSettings settings) {
    return new FindingsApiFactory().components(settings);
  }
}
