package io.vigil.domain.finding;

import java.util.Set;

/** The requested move is not allowed from the finding's state (HTTP 409, with the allowed ones). */
public final class InvalidTransitionException extends RuntimeException {

  private final FindingStatus from;
  private final FindingStatus to;
  private final Set<FindingStatus> allowed;

  public InvalidTransitionException(FindingStatus from, FindingStatus to, Set<FindingStatus> allowed,
      String why) {
    super(why);
    this.from = from;
    this.to = to;
    this.allowed = Set.copyOf(allowed);
  }

  public FindingStatus from() {
    return from;
  }

  public FindingStatus to() {
    return to;
  }

  /** The states the finding may move to now. */
  public Set<FindingStatus> allowed() {
    return allowed;
  }
}
