package io.vigil.domain.collection;

import java.util.Locale;
import java.util.Objects;

/**
 * Narrows a collection to what a configuration change touched: one service, optionally one resource
 * type and one resource. A change-triggered run loads the service's snapshot, evaluates only the
 * checks of that resource type and keeps only the changed resource's observations.
 *
 * @param service service name as in ARNs, e.g. {@code s3}
 * @param resourceType CloudFormation-style type, e.g. {@code AWS::S3::Bucket}; null = every check
 *     of the service
 * @param resource the resource's ARN or id; null = every resource
 */
public record ChangeScope(String service, String resourceType, String resource) {

  public ChangeScope {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("a change scope names its service");
    }
    service = service.toLowerCase(Locale.ROOT);
    resourceType = blankToNull(resourceType);
    resource = blankToNull(resource);
  }

  public boolean coversService(String name) {
    return service.equals(name);
  }

  public boolean coversResourceType(String type) {
    return resourceType == null || resourceType.equalsIgnoreCase(type);
  }

  /**
   * True if an observation of {@code arn} concerns the changed resource: the ARN equals it, or ends
   * with it as its last path or name segment (ids such as {@code sg-0123}, {@code my-bucket}).
   */
  public boolean coversResource(String arn) {
    if (resource == null) {
      return true;
    }
    if (arn.equals(resource)) {
      return true;
    }
    return arn.endsWith("/" + resource) || arn.endsWith(":" + resource);
  }

  @Override
  public String toString() {
    return service + (resourceType == null ? "" : " " + resourceType)
        + (resource == null ? "" : " " + resource);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Equality helper for tests. */
  static boolean same(ChangeScope a, ChangeScope b) {
    return Objects.equals(a, b);
  }
}
