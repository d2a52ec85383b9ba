package io.vigil.domain.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The complete ISO/IEC 27001:2022 Annex A catalogue (93 controls), loaded once from the data file
 * {@code annex-a-2022.tsv} in this module's resources.
 */
public final class AnnexACatalogue {

  /** Number of controls in Annex A of ISO/IEC 27001:2022. */
  public static final int CONTROL_COUNT = 93;

  private static final String RESOURCE = "/annex-a-2022.tsv";
  private static final AnnexACatalogue STANDARD = load();

  private final Map<ControlId, AnnexAControl> controls;

  AnnexACatalogue(List<AnnexAControl> controls) {
    var map = new TreeMap<ControlId, AnnexAControl>();
    for (var c : controls) {
      if (map.put(c.id(), c) != null) {
        throw new IllegalStateException("duplicate Annex A control " + c.id());
      }
    }
    this.controls = Collections.unmodifiableMap(map);
  }

  /** The catalogue shipped with Vigil. */
  public static AnnexACatalogue standard() {
    return STANDARD;
  }

  public List<AnnexAControl> all() {
    return List.copyOf(controls.values());
  }

  public List<AnnexAControl> byTheme(Theme theme) {
    return controls.values().stream().filter(c -> c.theme() == theme).toList();
  }

  public Optional<AnnexAControl> find(ControlId id) {
    return Optional.ofNullable(controls.get(id));
  }

  /** The control, or an exception naming the unknown id. */
  public AnnexAControl get(ControlId id) {
    return find(id)
        .orElseThrow(() -> new IllegalArgumentException(id + " is not an Annex A 2022 control"));
  }

  public boolean contains(ControlId id) {
    return controls.containsKey(id);
  }

  public int size() {
    return controls.size();
  }

  static AnnexACatalogue parse(InputStream in) throws IOException {
    var list = new ArrayList<AnnexAControl>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          if (!line.startsWith("control_id\ttheme\tshort_title")) {
            throw new IOException("annex-a-2022.tsv: unexpected header '" + line + "'");
          }
          continue;
        }
        var cols = line.split("\t", -1);
        if (cols.length != 3) {
          throw new IOException("annex-a-2022.tsv line " + lineNo + ": expected 3 columns");
        }
        list.add(
            new AnnexAControl(ControlId.parse(cols[0]), Theme.ofLabel(cols[1]), cols[2].trim()));
      }
    }
    return new AnnexACatalogue(list);
  }

  private static AnnexACatalogue load() {
    try (var in = AnnexACatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      var catalogue = parse(in);
      if (catalogue.size() != CONTROL_COUNT) {
        throw new IllegalStateException(
            "Annex A catalogue has " + catalogue.size() + " controls, expected " + CONTROL_COUNT);
      }
      return catalogue;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
