package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSlackTest {

  private static final String LINK = "https://vigil-evidence.s3.eu-west-1.amazonaws.com/reports/"
      + "2026-11/management-review.html?X-Amz-Signature=abc&X-Amz-Expires=604800";

  private static JsonNode json(Report report, String link) throws Exception {
    var text = Json.write(ReportSlack.blocks(report, link));
    return OscalSchemas.MAPPER.readTree(text);
  }

  @Test
  void headerHighlightsAndAButtonToTheFullReport() throws Exception {
    var pack = new Sample().managementReview();
    var message = json(pack, LINK);
    Artifacts.write("management-review.slack.json", message.toPrettyString());
    var blocks = message.get("blocks");
    assertEquals("header", blocks.get(0).get("type").asText());
    assertEquals("plain_text", blocks.get(0).get("text").get("type").asText());
    assertEquals("Management review 2026-11", blocks.get(0).get("text").get("text").asText());
    var highlights = find(blocks, "section");
    assertEquals("mrkdwn", highlights.get("text").get("type").asText());
    var text = highlights.get("text").get("text").asText();
    assertTrue(text.startsWith("*Highlights*\n"), text);
    for (var h : pack.highlights()) {
      assertTrue(text.contains("\u2022 " + ReportSlack.escape(h)), h);
    }
    var actions = find(blocks, "actions");
    var button = actions.get("elements").get(0);
    assertEquals("button", button.get("type").asText());
    assertEquals(LINK, button.get("url").asText());
    assertTrue(message.get("text").asText().startsWith("Management review 2026-11: "));
    var noData = blocks.get(blocks.size() - 3);
    assertEquals("context", noData.get("type").asText());
    assertTrue(noData.toString().contains("No data yet: "), noData.toString());
  }

  @Test
  void recordedTextCannotMentionLinkOrFormat() {
    assertEquals("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;",
        ReportSlack.escape("<!channel> & <https://evil.example|click>"));
    var escaped = ReportSlack.escape("*bold* _it_ ~strike~ `code`");
    assertFalse(escaped.matches(".*[*_~`].*"), escaped);
  }

  @Test
  void blockKitLimitsHoldForAHugeReport() throws Exception {
    var highlights = new ArrayList<String>();
    for (int i = 0; i < 2000; i++) {
      highlights.add("highlight " + i + " <&> " + "x".repeat(150));
    }
    var sections = new ArrayList<Section>();
    for (int i = 0; i < 300; i++) {
      sections.add(new Section("s" + i, "Section " + i + " " + "y".repeat(200),
          List.of(new NoData("none"))));
    }
    var report = new Report("management-review", "T".repeat(400), Sample.PERIOD, Sample.NOW,
        sections, highlights);
    var message = json(report, LINK);
    var blocks = message.get("blocks");
    assertTrue(blocks.size() <= 50, "blocks: " + blocks.size());
    assertTrue(blocks.get(0).get("text").get("text").asText().length() <= 150);
    for (var b : blocks) {
      if (b.has("text") && b.get("text").has("text")) {
        assertTrue(b.get("text").get("text").asText().length() <= 3000, b.toString()
            .substring(0, 80));
      }
      if (b.has("elements")) {
        for (var e : b.get("elements")) {
          if (e.has("text") && e.get("text").isTextual()) {
            assertTrue(e.get("text").asText().length() <= 3000);
          }
        }
      }
    }
    assertEquals("actions", blocks.get(blocks.size() - 1).get("type").asText(),
        "the button survives the cut");
    assertTrue(message.get("text").asText().length() <= 3000);
  }

  @Test
  void aLongSectionTextIsCutWithoutBreakingAnEntity() {
    var lines = Collections.nCopies(1, "&amp;".repeat(1000));
    var chunks = ReportSlack.chunks("*H*\n", lines);
    var text = chunks.get(0);
    assertTrue(text.length() <= 3000);
    assertTrue(text.endsWith("&amp;\u2026"), text.substring(text.length() - 12));
  }

  @Test
  void aLongHeadingIsCutBetweenCharactersNotInsideOne() {
    // a heading of an empty section is cut to 80 UTF-16 units: never inside a surrogate pair
    var heading = "h".repeat(78) + "\uD83D\uDE00" + "tail";
    var report = new Report("management-review", "T", Sample.PERIOD, Sample.NOW,
        List.of(new Section("s", heading, List.of(new NoData("none")))), List.of());
    var text = Json.write(ReportSlack.blocks(report, null));
    assertTrue(text.contains("No data yet: " + "h".repeat(78) + "\u2026"), text);
    assertFalse(Hostile.hasLoneSurrogate(text), "a lone surrogate");
  }

  @Test
  void onlyHttpLinks() {
    var report = new Sample().summary();
    assertThrows(IllegalArgumentException.class,
        () -> ReportSlack.blocks(report, "javascript:alert(1)"));
    assertThrows(IllegalArgumentException.class,
        () -> ReportSlack.blocks(report, "https://x.example/" + "a".repeat(3000)));
    var withoutLink = ReportSlack.blocks(report, null);
    assertFalse(Json.write(withoutLink).contains("\"actions\""));
  }

  private static JsonNode find(JsonNode blocks, String type) {
    for (var b : blocks) {
      if (b.get("type").asText().equals(type)) {
        return b;
      }
    }
    throw new AssertionError("no " + type + " block in " + blocks);
  }
}
