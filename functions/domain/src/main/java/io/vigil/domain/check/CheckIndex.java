package io.vigil.domain.check;

import io.vigil.domain.control.ControlId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check catalogue's metadata without the checks: id, title, service, severity and mapped Annex A
 * controls of every check, read from {@code check-index.tsv} next to this class. Functions that
 * do not evaluate checks (the records API, reports) use it to go from a control to its checks
 * without loading any AWS SDK service module. The file is generated from the checks' own metadata
 * and a test in the checks module fails when it is out of date.
 */
public final class CheckIndex {

  /** The resource this index is read from. */
  public static final String RESOURCE = "check-index.tsv";

  /** One check: its metadata as the catalogue declares it. */
  public record Entry(String id, String title, String service, Severity severity,
      List<ControlId> primary, List<ControlId> supporting) {
    public Entry {
      primary = List.copyOf(primary);
      supporting = List.copyOf(supporting);
    }

    /** Primary then supporting controls. */
    public List<ControlId> controls() {
      var all = new ArrayList<>(primary);
      all.addAll(supporting);
      return all;
    }
  }

  private static volatile CheckIndex bundled;

  private final Map<String, Entry> byId;

  private CheckIndex(List<Entry> entries) {
    var map = new LinkedHashMap<String, Entry>();
    entries.stream().sorted(Comparator.comparing(Entry::id)).forEach(e -> map.put(e.id(), e));
    this.byId = java.util.Collections.unmodifiableMap(map);
  }

  /** The index shipped with Vigil. */
  public static CheckIndex bundled() {
    var index = bundled;
    if (index == null) {
      try (var in = CheckIndex.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        index = parse(reader.lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = index;
    }
    return index;
  }

  /** An index of {@code entries} (tests, generation). */
  public static CheckIndex of(List<Entry> entries) {
    return new CheckIndex(entries);
  }

  /** Reads the TSV form written by {@link #toTsv()}. */
  static CheckIndex parse(List<String> lines) {
    var entries = new ArrayList<Entry>();
    for (var line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      var f = line.split("\t", -1);
      if (f.length != 6) {
        throw new IllegalStateException("malformed " + RESOURCE + " line: " + line);
      }
      entries.add(new Entry(f[0], f[1], f[2], Severity.parse(f[3]), controls(f[4]),
          controls(f[5])));
    }
    return new CheckIndex(entries);
  }

  private static List<ControlId> controls(String field) {
    if (field.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(field.split(",")).map(String::strip).map(ControlId::parse)
        .toList();
  }

  /** The TSV form: a comment header, then one line per check by id. */
  public String toTsv() {
    var sb = new StringBuilder("# id\ttitle\tservice\tseverity\tprimary controls\tsupporting"
        + " controls (generated from the check catalogue; do not edit)\n");
    for (var e : byId.values()) {
      sb.append(e.id()).append('\t').append(e.title().replace('\t', ' ')).append('\t')
          .append(e.service()).append('\t').append(e.severity().name()).append('\t')
          .append(join(e.primary())).append('\t').append(join(e.supporting())).append('\n');
    }
    return sb.toString();
  }

  private static String join(List<ControlId> ids) {
    return String.join(",", ids.stream().map(ControlId::toString).toList());
  }

  public List<Entry> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Entry> check(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The checks mapped to {@code control} (primary or supporting), by id. */
  public List<Entry> checksFor(ControlId control) {
    return byId.values().stream().filter(e -> e.controls().contains(control)).toList();
  }
}
