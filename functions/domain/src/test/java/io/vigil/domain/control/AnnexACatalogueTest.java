package io.vigil.domain.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class AnnexACatalogueTest {

  private final AnnexACatalogue catalogue = AnnexACatalogue.standard();

  @Test
  void standard_holdsAll93ControlsIn4Themes() {
    assertEquals(93, catalogue.size());
    assertEquals(37, catalogue.byTheme(Theme.ORGANIZATIONAL).size());
    assertEquals(8, catalogue.byTheme(Theme.PEOPLE).size());
    assertEquals(14, catalogue.byTheme(Theme.PHYSICAL).size());
    assertEquals(34, catalogue.byTheme(Theme.TECHNOLOGICAL).size());
  }

  @Test
  void standard_numbersEachThemeContiguouslyFrom1() {
    for (var theme : Theme.values()) {
      var numbers = new HashSet<Integer>();
      catalogue.byTheme(theme).forEach(c -> numbers.add(c.id().number()));
      for (int i = 1; i <= numbers.size(); i++) {
        assertTrue(numbers.contains(i), theme + " lacks control " + i);
      }
    }
  }

  @Test
  void standard_includesSecureCoding_whichPublishedMappingsOmit() {
    assertEquals("Secure coding", catalogue.get(ControlId.parse("A.8.28")).title());
    assertFalse(catalogue.contains(new ControlId(8, 35)));
    assertThrows(IllegalArgumentException.class, () -> catalogue.get(new ControlId(8, 35)));
  }

  @Test
  void parse_rejectsDuplicatesAndBadRows() {
    var dup = "control_id\ttheme\tshort_title\n5.1\tOrganizational\tA\n5.1\tOrganizational\tB\n";
    assertThrows(IllegalStateException.class, () -> parse(dup));
    var wrongTheme = "control_id\ttheme\tshort_title\n5.1\tPeople\tA\n";
    assertThrows(IllegalArgumentException.class, () -> parse(wrongTheme));
    var columns = "control_id\ttheme\tshort_title\n5.1\tOrganizational\n";
    assertThrows(IOException.class, () -> parse(columns));
  }

  @Test
  void clauses_coverEveryClauseFrom4To10() {
    var tops = new HashSet<Integer>();
    IsmsClauses.all().forEach(c -> tops.add(c.id().clause()));
    for (int i = 4; i <= 10; i++) {
      assertTrue(tops.contains(i), "clause " + i);
    }
    assertTrue(IsmsClauses.find(ClauseId.parse("9.2")).isPresent());
    assertEquals(IsmsClauses.all().size(), new HashSet<>(IsmsClauses.all()).size());
  }

  private static AnnexACatalogue parse(String text) throws IOException {
    return AnnexACatalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
