package io.vigil.domain.performance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A report as structured content — sections of paragraphs, tables, charts and "no data" notes —
 * so that every output (HTML with inline SVG charts, PDF, Markdown, a Slack or e-mail summary)
 * renders the same facts. All text is plain (renderers escape it).
 *
 * @param kind {@code performance-summary} or {@code management-review}
 */
public record Report(String kind, String title, Period period, Instant generatedAt,
    List<Section> sections, List<String> highlights) {

  public Report {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(generatedAt, "generatedAt");
    sections = List.copyOf(sections);
    highlights = List.copyOf(highlights == null ? List.of() : highlights);
  }

  /** A section: its heading (e.g. "a) Status of actions from previous management reviews"). */
  public record Section(String id, String heading, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** Content of a section. */
  public sealed interface Block permits Paragraph, Table, Chart, NoData {}

  public record Paragraph(String text) implements Block {}

  /** A table; every row has as many cells as there are headers. */
  public record Table(String caption, List<String> headers, List<List<String>> rows)
      implements Block {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      for (var row : rows) {
        if (row.size() != headers.size()) {
          throw new IllegalArgumentException("table '" + caption + "': a row has " + row.size()
              + " cells for " + headers.size() + " headers");
        }
      }
    }
  }

  /**
   * A chart: a {@code LINE} of values over labels (a trend), or {@code BARS} (one bar per label).
   * {@code values} has one value per label; a null value is a gap (no data for that label).
   *
   * @param maximum the top of the value axis (e.g. 100 for percentages), or null for the largest
   *     value
   */
  public record Chart(Kind kind, String title, String unit, List<String> labels,
      List<Double> values, Double maximum) implements Block {
    public enum Kind {
      LINE, BARS
    }

    public Chart {
      labels = List.copyOf(labels);
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
      if (labels.size() != values.size()) {
        throw new IllegalArgumentException("chart '" + title + "': " + labels.size()
            + " labels for " + values.size() + " values");
      }
    }
  }

  /** Said plainly when a section's source has no data yet. */
  public record NoData(String text) implements Block {}
}
