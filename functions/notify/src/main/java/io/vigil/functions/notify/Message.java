package io.vigil.functions.notify;

import java.util.List;
import java.util.Optional;

/**
 * A rendered notification, independent of the channel: the texts are raw (untrusted) and are
 * escaped by {@link SlackFormat} and {@link EmailFormat}.
 *
 * @param detailType the event's detail-type
 * @param title one line naming what happened
 * @param facts the key facts, label and value
 * @param items digest lines (a run's findings), empty otherwise
 * @param moreItems how many digest items were left out
 * @param context one line of provenance (event id, time, account)
 * @param link a link to follow (the detail's {@code url} or a console link), if any
 */
public record Message(String detailType, String title, List<Fact> facts, List<Item> items,
    int moreItems, String context, Optional<Link> link) {

  /** A labelled fact. */
  public record Fact(String label, String value) {}

  /** A digest line: a finding's severity, title and resource. */
  public record Item(String severity, String title, String resource) {}

  /** A link and its label. */
  public record Link(String url, String label) {}

  public Message {
    facts = List.copyOf(facts);
    items = List.copyOf(items);
  }

  /** {@code <detail-type>: <title>}, the one-line summary (Slack fallback text, e-mail subject). */
  public String headline() {
    return title.equals(detailType) ? detailType : detailType + ": " + title;
  }
}
