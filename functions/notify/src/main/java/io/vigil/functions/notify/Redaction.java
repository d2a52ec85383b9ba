package io.vigil.functions.notify;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged, put in an exception, a report or a dead letter:
 * every secret value read through {@link #register} and anything that looks like a Slack webhook URL
 * ({@code hooks.slack.com/...}) becomes {@value #REDACTED}. Every log and error path of the notify
 * function goes through {@link #redact}.
 */
public final class Redaction {

  /** What a secret is replaced with. */
  public static final String REDACTED = "[redacted]";

  private static final Pattern SLACK_HOOK = Pattern.compile(
      "(?i)(https?://)?hooks\\.slack(-gov)?\\.com/[^\\s\"'<>|)\\]}]*");
  /** Values shorter than this are not registered: replacing them would garble ordinary text. */
  private static final int MIN_SECRET_LENGTH = 8;
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  /** The secrets, longest first (see {@link #redact}); recomputed only when one is registered. */
  private static volatile List<String> longestFirst = List.of();

  private Redaction() {}

  /** Remembers a secret value so that {@link #redact} removes it from now on. */
  public static void register(String secret) {
    if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH
        && SECRETS.add(secret.strip())) {
      synchronized (SECRETS) {
        longestFirst = SECRETS.stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()))
            .toList();
      }
    }
  }

  /** {@code text} with every registered secret and every Slack webhook URL replaced. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // whole webhook URLs first, then registered secrets longest first: a whole URL or path must
    // be replaced before any of its segments, or what lies between two replacements would leak
    var out = SLACK_HOOK.matcher(text).replaceAll(REDACTED);
    // longest first: a whole URL or path must be replaced before any of its segments, or the
    // segments left between two replacements would leak (e.g. a webhook's workspace/channel ids)
    for (var secret : longestFirst) {
      if (out.contains(secret)) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  /** A throwable's class and redacted message, causes included (for logs and dead letters). */
  public static String describe(Throwable t) {
    var sb = new StringBuilder();
    var seen = 0;
    for (var c = t; c != null && seen < 4; c = c.getCause(), seen++) {
      if (seen > 0) {
        sb.append("; caused by ");
      }
      sb.append(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        sb.append(": ").append(c.getMessage());
      }
    }
    return redact(sb.toString());
  }
}
