package io.vigil.functions.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Untrusted text cannot create Slack links/mentions or HTML markup, nor leak secrets. */
class EscapingTest {

  @Test
  void mrkdwnNeutralisesMentionsAndLinks() {
    assertEquals("&lt;!channel&gt;", SlackFormat.mrkdwn("<!channel>"));
    assertEquals("&lt;https://evil|click&gt;", SlackFormat.mrkdwn("<https://evil|click>"));
    assertEquals("&lt;@U024BE7LH&gt; &amp;lt;", SlackFormat.mrkdwn("<@U024BE7LH> &lt;"));
    assertEquals("&lt;/b&gt;&lt;script&gt;", SlackFormat.mrkdwn("</b><script>"));
    assertEquals("hi @\u200Bchannel and @\u200Bhere", SlackFormat.mrkdwn("hi @channel and @here"));
    assertEquals("", SlackFormat.mrkdwn(null));
  }

  @Test
  void htmlEscapesMarkupAndQuotes() {
    assertEquals("&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        EmailFormat.html("</b><script>alert(1)</script>"));
    assertEquals("&quot; onmouseover=&#39;x&#39; &amp;amp;",
        EmailFormat.html("\" onmouseover='x' &amp;"));
    assertEquals("&lt;!channel&gt;", EmailFormat.html("<!channel>"));
  }

  @Test
  void hostileDetailIsEscapedInEveryRendering() {
    var d = new LinkedHashMap<String, Object>();
    d.put("title", "<!channel> </b><script>x</script>");
    d.put("severity", "high");
    d.put("resourceArn", "arn:aws:s3:::<https://evil|click>");
    d.put("url", "javascript:alert(1)");
    var event = NotifyEvent.parse(Events.event("Finding Opened", d));
    var m = MessageRenderer.render(event, false);
    var slack = SlackFormat.json(m);
    assertFalse(slack.contains("<!channel>"), slack);
    assertFalse(slack.contains("<https://evil"), slack);
    assertFalse(slack.contains("javascript:"), "non-web url is not linked: " + slack);
    var html = EmailFormat.htmlBody(m);
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("</b><"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    // the console link for the ARN is URL-encoded
    assertTrue(m.link().orElseThrow().url().startsWith(
        "https://console.aws.amazon.com/go/view?arn=arn%3Aaws%3As3%3A%3A%3A%3Chttps"));
  }

  @Test
  void subjectIsOneLine() {
    var d = Map.<String, Object>of("title", "a\r\nBcc: victim@example.com");
    var m = MessageRenderer.render(NotifyEvent.parse(Events.event("Finding Opened", d)), false);
    assertEquals("[Vigil] Finding Opened: a Bcc: victim@example.com", EmailFormat.subject(m));
    assertTrue(EmailFormat.encodeHeader("Prüfung").startsWith("=?UTF-8?B?"));
  }

  @Test
  void redactionRemovesWebhookUrlsAndRegisteredSecrets() {
    assertEquals("posting to [redacted] failed",
        Redaction.redact("posting to https://hooks.slack.com/services/T0/B0/abcDEF failed"));
    assertEquals("x [redacted]", Redaction.redact("x hooks.slack.com/services/T0/B0/zz"));
    Redaction.register("sup3r-s3cret-value");
    assertEquals("a [redacted] b", Redaction.redact("a sup3r-s3cret-value b"));
    assertEquals("RuntimeException: bad [redacted]", Redaction.describe(
        new RuntimeException("bad sup3r-s3cret-value")));
  }

  @org.junit.jupiter.api.RepeatedTest(20)
  void redaction_replacesAWholeSecretUrlBeforeItsSegments_whateverTheRegistrationOrder() {
    var url = "http://localhost:4711/services/TWORKSPACE1/BCHANNEL22/xoxVERYSECRETtoken";
    var segments = new java.util.ArrayList<>(java.util.List.of("services", "xoxVERYSECRETtoken",
        "/services/TWORKSPACE1/BCHANNEL22/xoxVERYSECRETtoken", url, "TWORKSPACE1", "BCHANNEL22"));
    java.util.Collections.shuffle(segments);
    segments.forEach(Redaction::register);

    var out = Redaction.redact("upstream failed for " + url + " and for http://127.0.0.1:4711"
        + "/services/TWORKSPACE1/BCHANNEL22/xoxVERYSECRETtoken");

    assertEquals(false, out.contains("TWORKSPACE1") || out.contains("BCHANNEL22")
        || out.contains("xoxVERYSECRETtoken"), out);
  }
}
