package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.BeanContext;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.ControlMapping;
import io.vigil.domain.check.EvidenceCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/checks.md lists every check of the catalogue, generated from the checks' own metadata, so
 * the documentation cannot drift from the code. Run with {@code -Dvigil.docs.update=true} to
 * rewrite the table after adding or changing a check.
 */
class CatalogueDocTest {

  private static final Path DOC = Path.of("..", "..", "docs", "checks.md");
  private static final String BEGIN = "<!-- catalogue:begin";
  private static final String END = "<!-- catalogue:end -->";

  @Test
  void checksDoc_listsEveryCheckWithItsMetadata() throws IOException {
    var doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    var headerEnd = doc.indexOf("\n", begin) + 1;
    var current = doc.substring(headerEnd, end);
    var expected = table();
    if (Boolean.getBoolean("vigil.docs.update")) {
      Files.writeString(DOC, doc.substring(0, headerEnd) + expected + doc.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, current, "docs/checks.md is out of date with the catalogue: run"
        + " ./mvnw -pl functions/checks test -Dtest=CatalogueDocTest -Dvigil.docs.update=true");
  }

  static String table() {
    try (var context = BeanContext.run()) {
      var checks = context.getBeansOfType(EvidenceCheck.class).stream()
          .map(c -> ((EvidenceCheck<?>) c).metadata())
          .sorted(Comparator.comparing(CheckMetadata::id))
          .toList();
      var sb = new StringBuilder();
      sb.append(checks.size()).append(" checks.\n\n");
      sb.append("| id | title | service | resource type | severity | primary | supporting |\n");
      sb.append("| --- | --- | --- | --- | --- | --- | --- |\n");
      for (var c : checks) {
        sb.append("| `").append(c.id()).append("` | ").append(c.title()).append(" | ")
            .append(c.service()).append(" | ").append(c.resourceType()).append(" | ")
            .append(c.severity().label()).append(" | ").append(controls(c, true)).append(" | ")
            .append(controls(c, false)).append(" |\n");
      }
      return sb.toString();
    }
  }

  private static String controls(CheckMetadata c, boolean primary) {
    return c.controls().stream().filter(m -> m.isPrimary() == primary)
        .map(ControlMapping::control).map(Object::toString).collect(Collectors.joining(", "));
  }
}
