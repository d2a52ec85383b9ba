package io.vigil.functions.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slack Block Kit payload of a {@link Message}: a header, the facts as section fields, the digest
 * lines, an "Open" button when there is a link, and a context line. All untrusted text goes
 * through {@link #mrkdwn}; links are only ever put in a button's {@code url} (never in mrkdwn).
 */
public final class SlackFormat {

  private static final Pattern MENTION = Pattern.compile("(?i)@(here|channel|everyone)\\b");
  private static final int HEADER_MAX = 150;
  private static final int FIELD_MAX = 1900;
  private static final int SECTION_MAX = 2900;
  private static final int MAX_DIGEST_SECTIONS = 40;

  private SlackFormat() {}

  /**
   * Escapes untrusted text for Slack: {@code & < >} become entities (so {@code <!channel>},
   * {@code <@U123>} and {@code <https://evil|click>} cannot form mentions or links), and the
   * plain-text broadcast words {@code @here/@channel/@everyone} are broken with a zero-width space.
   * Emphasis characters ({@code * _ ~ `}) are left: they can change styling, not create links or
   * mentions.
   */
  public static String mrkdwn(String text) {
    if (text == null) {
      return "";
    }
    var escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return MENTION.matcher(escaped).replaceAll("@\u200B$1");
  }

  /** The webhook payload as a JSON tree. */
  public static Map<String, Object> payload(Message m) {
    var blocks = new ArrayList<Object>();
    blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text",
        "text", mrkdwn(MessageRenderer.truncate(m.headline(), HEADER_MAX)), "emoji", true)));
    if (!m.facts().isEmpty()) {
      var fields = new ArrayList<Object>();
      for (var f : m.facts()) {
        fields.add(mrkdwnText("*" + mrkdwn(f.label()) + "*\n"
            + MessageRenderer.truncate(mrkdwn(f.value()), FIELD_MAX)));
      }
      blocks.add(Map.of("type", "section", "fields", fields));
    }
    if (!m.items().isEmpty() || m.moreItems() > 0) {
      blocks.add(section("*Findings opened in this run*"));
      var sb = new StringBuilder();
      int sections = 0;
      int left = m.items().size();
      for (var item : m.items()) {
        var line = "• *" + mrkdwn(item.severity().toUpperCase(java.util.Locale.ROOT)) + "* "
            + mrkdwn(item.title())
            + (item.resource().isEmpty() ? "" : " — `" + mrkdwn(item.resource()) + "`") + "\n";
        if (sb.length() + line.length() > SECTION_MAX) {
          if (sections + 1 >= MAX_DIGEST_SECTIONS) {
            break;
          }
          blocks.add(section(sb.toString()));
          sections++;
          sb.setLength(0);
        }
        sb.append(MessageRenderer.truncate(line, SECTION_MAX));
        left--;
      }
      int more = m.moreItems() + left;
      if (more > 0) {
        sb.append("…and ").append(more).append(" more");
      }
      if (sb.length() > 0) {
        blocks.add(section(sb.toString()));
      }
    }
    m.link().ifPresent(link -> {
      var button = new LinkedHashMap<String, Object>();
      button.put("type", "button");
      button.put("text", Map.of("type", "plain_text", "text", link.label()));
      button.put("url", link.url());
      blocks.add(Map.of("type", "actions", "elements", List.of(button)));
    });
    blocks.add(Map.of("type", "context", "elements",
        List.of(mrkdwnText(mrkdwn(m.context())))));
    var payload = new LinkedHashMap<String, Object>();
    payload.put("text", mrkdwn(m.headline()));
    payload.put("blocks", blocks);
    payload.put("unfurl_links", false);
    payload.put("unfurl_media", false);
    return payload;
  }

  /** The payload as JSON text (the HTTP body). */
  public static String json(Message m) {
    return Json.write(payload(m));
  }

  private static Map<String, Object> section(String text) {
    return Map.of("type", "section", "text", mrkdwnText(text));
  }

  private static Map<String, Object> mrkdwnText(String text) {
    return Map.of("type", "mrkdwn", "text", text);
  }
}
