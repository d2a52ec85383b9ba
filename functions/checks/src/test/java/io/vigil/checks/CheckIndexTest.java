package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.BeanContext;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.ControlMapping;
import io.vigil.domain.check.EvidenceCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The domain's {@link CheckIndex} resource lists every check of the catalogue with its metadata,
 * generated from the checks themselves, so that functions without the checks (records API,
 * reports) map controls to checks correctly. Run with {@code -Dvigil.docs.update=true} to rewrite
 * it after adding or changing a check.
 */
class CheckIndexTest {

  private static final Path FILE = Path.of("..", "domain", "src", "main", "resources", "io",
      "vigil", "domain", "check", CheckIndex.RESOURCE);

  @Test
  void checkIndexResource_matchesTheCatalogue() throws IOException {
    String expected;
    try (var context = BeanContext.run()) {
      var entries = context.getBeansOfType(EvidenceCheck.class).stream()
          .map(c -> entry(((EvidenceCheck<?>) c).metadata())).toList();
      expected = CheckIndex.of(entries).toTsv();
    }
    if (Boolean.getBoolean("vigil.docs.update")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
      return;
    }
    var current = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
    assertEquals(expected, current, CheckIndex.RESOURCE + " is out of date with the catalogue:"
        + " run ./mvnw -pl functions/checks test -Dtest=CheckIndexTest -Dvigil.docs.update=true");
    assertEquals(expected, CheckIndex.bundled().toTsv(), "the domain jar carries a stale index:"
        + " rebuild functions/domain");
  }

  private static CheckIndex.Entry entry(CheckMetadata m) {
    return new CheckIndex.Entry(m.id().toString(), m.title(), m.service(), m.severity(),
        m.controls().stream().filter(ControlMapping::isPrimary).map(ControlMapping::control)
            .toList(),
        m.controls().stream().filter(c -> !c.isPrimary()).map(ControlMapping::control).toList());
  }
}
