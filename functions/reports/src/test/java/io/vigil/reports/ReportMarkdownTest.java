package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Section;
import io.vigil.domain.performance.Report.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

  @Test
  void thePackHasEveryHeadingTablesAndChartsAsTables() {
    var pack = new Sample().managementReview();
    var md = ReportMarkdown.render(pack);
    Artifacts.write("management-review.md", md);
    assertTrue(md.startsWith("# Management review 2026\\-11\n"), md.substring(0, 60));
    for (var letter : List.of("a", "b", "c", "d", "e", "f", "g")) {
      assertTrue(md.contains("\n## " + letter + "\\) "), letter);
    }
    assertTrue(md.contains("\n## Decisions of the review \\(9.3.3\\)\n"));
    assertTrue(md.contains("**Control pass rate over the last 12 months** (chart)"));
    assertTrue(md.contains("| 2026\\-05 | no data |"), "the gap");
    assertTrue(md.contains("| 2026\\-08 | 88.0 % |"));
    assertTrue(md.contains("> **No data:** "));
    // every table row has as many cells as its header
    String header = null;
    for (var line : md.split("\n")) {
      if (line.startsWith("|")) {
        int cells = cells(line);
        if (header == null) {
          header = line;
          continue;
        }
        assertEquals(cells(header), cells, line);
      } else {
        header = null;
      }
    }
  }

  @Test
  void untrustedTextCannotFormatLinkOrBreakATable() {
    var report = new Report("management-review", "# title *bold*", Sample.PERIOD, Sample.NOW,
        List.of(new Section("s", "[link](http://evil.example)", List.of(
            new Paragraph("1. not a list\n<img src=x onerror=alert(1)>\n==="),
            new NoData("two\nlines"),
            new Table("cap|tion", List.of("a|b", "c"), List.of(List.of("x|y\nz", "`code`"))),
            new Chart(Chart.Kind.BARS, "bars", "count", List.of("label|pipe"),
                Arrays.asList(2.0), null)))), List.of("_under_"));
    var md = ReportMarkdown.render(report);
    assertTrue(md.contains("# \\# title \\*bold\\*"), md);
    assertTrue(md.contains("## \\[link\\]\\(http://evil.example\\)"), md);
    assertTrue(md.contains("1\\. not a list"), md);
    assertTrue(md.contains("\\<img src=x onerror=alert\\(1\\)\\>"), md);
    assertTrue(md.contains("\\==="), md);
    assertTrue(md.contains("> **No data:** two  \n> lines"), md);
    assertTrue(md.contains("| a\\|b | c |"), md);
    assertTrue(md.contains("| x\\|y z | \\`code\\` |"), md);
    assertTrue(md.contains("| label\\|pipe | 2 |"), md);
    assertTrue(md.contains("- \\_under\\_"), md);
    assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)<").matcher(md).find(),
        "every < is escaped");
  }

  @Test
  void indentedTextIsNoCodeBlockAndABlankCaptionNoRule() {
    // found by RendererFuzzTest: four leading blanks at the start of a paragraph made a code
    // block, and a caption of control characters rendered as "****", a thematic break
    var report = new Report("management-review", "t", Sample.PERIOD, Sample.NOW,
        List.of(new Section("s", "s", List.of(new Paragraph("    code?\n\n    more"),
            new NoData("a\n\n    b"), new Table("\u0001\u0002", List.of("h"), List.of())))),
        List.of());
    var md = ReportMarkdown.render(report);
    assertTrue(md.contains("\ncode?  \n  \nmore\n"), md);
    assertTrue(md.contains("> **No data:** a  \n>   \n> b\n"), md);
    assertFalse(md.contains("****"), md);
    assertFalse(java.util.regex.Pattern.compile("(?m)^(> ?)? {4}").matcher(md).find(), md);
  }

  private static int cells(String row) {
    return row.replace("\\|", "").split("\\|", -1).length - 2;
  }
}
