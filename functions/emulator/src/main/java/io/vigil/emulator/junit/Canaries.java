package io.vigil.emulator.junit;

import java.util.List;

/**
 * Canary secrets for the test suite: realistic-looking credentials, a Slack webhook URL and a
 * bearer token that the suite's scenarios use where a real deployment has secrets, so that the
 * suite-wide log scan ({@code functions/log-scan}) can prove none of them reaches a log, an
 * error message or a report. None is a real secret: the emulator accepts any credentials, and the
 * webhook and the token are valid only in form.
 *
 * <p>Use them instead of placeholders such as {@code "test"}: {@link AwsEmulator#accessKeyId()}
 * and {@link AwsEmulator#secretAccessKey()} (and {@link #AWS_SESSION_TOKEN} for session
 * credentials) against the emulator, {@link #SLACK_WEBHOOK_URL} or {@link #SLACK_WEBHOOK_PATH}
 * (under a local stub's base URL) for notifications, {@link #BEARER_JWT} in API requests.
 */
public final class Canaries {

  /** An access key id of the emulator's credentials (an id, not a secret: not scanned for). */
  public static final String AWS_ACCESS_KEY_ID = "AKIAVIGILCANARY00001";

  /** The secret access key of the emulator's credentials: 40 characters, like AWS's. */
  public static final String AWS_SECRET_ACCESS_KEY = "vigilCanary/SecretAccessKey+DoNotLog0001";

  /** A session token, prefixed like the tokens AWS STS issues. */
  public static final String AWS_SESSION_TOKEN =
      "FwoGZXIvYXdzEVigilCanarySessionToken/DoNotLog+0001";

  /** The path of a Slack incoming webhook, to put under a local stub's base URL. */
  public static final String SLACK_WEBHOOK_PATH =
      "/services/T0VIGILCANARY/B0VIGILCANARY/vigilCanaryWebhookToken0001";

  /** A Slack incoming webhook URL (the secret a notify deployment keeps in Secrets Manager). */
  public static final String SLACK_WEBHOOK_URL = "https://hooks.slack.com" + SLACK_WEBHOOK_PATH;

  /** A bearer JWT ({@code {"alg":"RS256","kid":"vigil-canary"}}, subject vigil-canary). */
  public static final String BEARER_JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6InZpZ2lsLWNhbmFyeSJ9"
      + ".eyJzdWIiOiJ2aWdpbC1jYW5hcnkiLCJjb2duaXRvOmdyb3VwcyI6WyJpc21zLW1hbmFnZXIiXX0"
      + ".dmlnaWwtY2FuYXJ5LXNpZ25hdHVyZQ";

  private Canaries() {}

  /** Every canary that is a secret (the access key id is not). */
  public static List<String> secrets() {
    return List.of(AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, SLACK_WEBHOOK_PATH,
        SLACK_WEBHOOK_URL, BEARER_JWT);
  }
}
